namespace Ebops.Operator.Resources;

/// <summary>
/// An AWS object with the name ebops would use already exists and ebops may not take it: it carries no ebops tags (take
/// it with <c>ebops.io/adoption-policy</c>) or the tags of another owner. Retrying cannot help; controllers report it
/// as Stalled naming the field the name comes from.
/// </summary>
public sealed class UnmanagedResourceException(string resourceType, string identifier, string message, bool ownedByOther = false) : Exception(message)
{
    /// <summary>True when another ebops owner's tags are on it (never adoptable); false when it carries no ebops tags.</summary>
    public bool IsForeign { get; } = ownedByOther;

    /// <summary>What kind of AWS object, e.g. <c>security group</c>.</summary>
    public string ResourceType { get; } = resourceType;

    /// <summary>Its id or name.</summary>
    public string Identifier { get; } = identifier;

    /// <summary>The object has no ebops ownership tags.</summary>
    public static UnmanagedResourceException NotManaged(string resourceType, string identifier) => new(resourceType, identifier,
        $"{resourceType} {identifier} exists and is not managed by ebops; set ebops.io/adoption-policy to adopt it");

    /// <summary>The object carries the ownership tags of another Kubernetes object (or another cluster).</summary>
    public static UnmanagedResourceException OwnedByOther(string resourceType, string identifier, IReadOnlyDictionary<string, string> tags) => new(resourceType, identifier,
        $"{resourceType} {identifier} exists and belongs to another ebops object ({Describe(tags)})", ownedByOther: true);

    private static string Describe(IReadOnlyDictionary<string, string> tags) =>
        $"cluster {Value(tags, OwnershipTags.Cluster)}, {Value(tags, OwnershipTags.Kind)} {Value(tags, OwnershipTags.Namespace)}/{Value(tags, OwnershipTags.Name)}";

    private static string Value(IReadOnlyDictionary<string, string> tags, string key) => tags.TryGetValue(key, out var value) ? value : "?";
}
