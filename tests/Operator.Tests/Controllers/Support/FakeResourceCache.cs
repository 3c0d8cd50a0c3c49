using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Cache;
using k8s;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>A stateful <see cref="IResourceCache{T}"/>: what a test puts in is what controllers read (as copies).</summary>
internal sealed class FakeResourceCache<T> : IResourceCache<T>
    where T : class, ICustomResource
{
    private readonly Dictionary<(string Namespace, string Name), T> items = [];

    public bool IsSynced => true;

    public void Put(T item) => items[(item.Metadata.NamespaceProperty ?? "", item.Metadata.Name)] = Copy(item);

    public void Remove(string @namespace, string name) => items.Remove((@namespace, name));

    public T? Get(string @namespace, string name) => items.TryGetValue((@namespace, name), out var item) ? Copy(item) : null;

    public IReadOnlyList<T> List(string? @namespace = null) =>
        [.. items.Where(i => @namespace is null || i.Key.Namespace == @namespace).Select(i => Copy(i.Value))];

    private static T Copy(T item) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item));
}
