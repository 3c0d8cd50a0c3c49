namespace Ebops.Operator.Resources;

/// <summary>
/// The Kubernetes object on whose behalf AWS objects are created, as plain strings (the Resources layer knows no
/// Kubernetes types). Tags from <see cref="Tags"/> make every create findable again after a lost response or a restart.
/// </summary>
public sealed record ResourceOwner(string Cluster, string Kind, string Namespace, string Name, string Uid)
{
    /// <summary>The ownership tags of the owner's <paramref name="component"/>.</summary>
    public IReadOnlyDictionary<string, string> Tags(string component) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OwnershipTags.Cluster] = Cluster,
        [OwnershipTags.Kind] = Kind,
        [OwnershipTags.Namespace] = Namespace,
        [OwnershipTags.Name] = Name,
        [OwnershipTags.Uid] = Uid,
        [OwnershipTags.Component] = component,
    };

    /// <summary>
    /// True when <paramref name="tags"/> say the object is this owner's <paramref name="component"/> (same cluster, kind,
    /// namespace, name and component). The uid may differ: an object left by an earlier incarnation of the same
    /// Kubernetes object (deleted with retain, then re-created) is taken over, never duplicated.
    /// </summary>
    public bool Owns(IReadOnlyDictionary<string, string> tags, string component) =>
        Is(tags, OwnershipTags.Cluster, Cluster)
        && Is(tags, OwnershipTags.Kind, Kind)
        && Is(tags, OwnershipTags.Namespace, Namespace)
        && Is(tags, OwnershipTags.Name, Name)
        && Is(tags, OwnershipTags.Component, component);

    /// <summary>True when the object carries ebops tags of any owner (so it is not an unmanaged object).</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> tags) => tags.ContainsKey(OwnershipTags.Cluster);

    private static bool Is(IReadOnlyDictionary<string, string> tags, string key, string value) =>
        tags.TryGetValue(key, out var found) && string.Equals(found, value, StringComparison.Ordinal);
}
