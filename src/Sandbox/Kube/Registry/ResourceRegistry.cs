using System.Collections.Immutable;

namespace Ebops.Sandbox.Kube.Registry;

/// <summary>
/// The set of served resources. Built-ins are fixed; custom resources come and go with their CRDs. Readers see an
/// immutable snapshot, so discovery never observes a half-registered CRD.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock gate = new();
    private ImmutableList<ResourceType> types;

    public ResourceRegistry() => types = [.. BuiltInResources.All];

    public IReadOnlyList<ResourceType> All => Volatile.Read(ref types);

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>Any served version of a group/resource (used to reach storage independent of version).</summary>
    public ResourceType? FindAnyVersion(string group, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Plural == plural);

    /// <summary>Group names with their versions, preferred (first registered) version first; core group excluded.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        [.. All.Where(t => t.Group.Length > 0)
            .GroupBy(t => t.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Version).Distinct()]))];

    public IReadOnlyList<ResourceType> In(string group, string version) =>
        [.. All.Where(t => t.Group == group && t.Version == version)];

    /// <summary>Replaces every type served by <paramref name="crdName"/> with <paramref name="served"/>.</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType> served)
    {
        lock (gate)
        {
            var next = types.RemoveAll(t => t.CrdName == crdName).AddRange(served);
            Volatile.Write(ref types, next);
        }
    }
}
