using Ebops.Operator.Aws.Rds;

namespace Ebops.Operator.Resources.Rds;

/// <summary>Conversions between tag dictionaries and RDS's tag lists, and the ownership check every RDS manager makes.</summary>
internal static class RdsTags
{
    public static List<Tag> ToList(IReadOnlyDictionary<string, string> tags) => [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })];

    public static IReadOnlyDictionary<string, string> ToDictionary(IEnumerable<Tag>? tags) =>
        (tags ?? []).Where(t => t.Key is not null).GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value ?? "", StringComparer.Ordinal);

    /// <summary>The ownership tags of (<paramref name="owner"/>, <paramref name="component"/>) plus <see cref="OwnershipTags.Adopted"/>.</summary>
    public static Dictionary<string, string> Adopted(ResourceOwner owner, string component) =>
        new(owner.Tags(component), StringComparer.Ordinal) { [OwnershipTags.Adopted] = "true" };

    /// <summary>Throws <see cref="UnmanagedResourceException"/> unless <paramref name="tags"/> say the object is the owner's component.</summary>
    public static void Claim(ResourceOwner owner, string component, IReadOnlyDictionary<string, string> tags, string resourceType, string identifier)
    {
        if (owner.Owns(tags, component))
        {
            return;
        }

        throw ResourceOwner.IsManaged(tags)
            ? UnmanagedResourceException.OwnedByOther(resourceType, identifier, tags)
            : UnmanagedResourceException.NotManaged(resourceType, identifier);
    }
}
