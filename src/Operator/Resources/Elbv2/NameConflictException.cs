namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// An object with the name ebops would create exists and is not this owner's: either it carries no ebops tags (take it
/// over only by adopting it) or it belongs to another ebops object. ebops neither takes it over nor creates a second
/// one. The message names the object and holds no secret.
/// </summary>
internal sealed class NameConflictException(string message, bool unmanaged) : Exception(message)
{
    /// <summary>True when the object carries no ebops tags (adoption can resolve it).</summary>
    public bool Unmanaged { get; } = unmanaged;

    public static NameConflictException For(string kind, string name, IReadOnlyDictionary<string, string> tags) =>
        ResourceOwner.IsManaged(tags)
            ? new($"{kind} {name} belongs to another ebops object ({Describe(tags)})", unmanaged: false)
            : new($"{kind} {name} exists and is not managed by ebops; set ebops.io/adoption-policy to adopt it", unmanaged: true);

    private static string Describe(IReadOnlyDictionary<string, string> tags) =>
        string.Join(", ", new[] { OwnershipTags.Cluster, OwnershipTags.Kind, OwnershipTags.Namespace, OwnershipTags.Name }
            .Select(k => $"{k}={(tags.TryGetValue(k, out var v) ? v : "")}"));
}
