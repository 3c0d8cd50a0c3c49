using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>An in-memory watch cache of one kind (returns the stored objects themselves; tests own them).</summary>
internal sealed class FakeResourceCache<T> : IResourceCache<T>
    where T : class, ICustomResource
{
    private readonly Dictionary<(string, string), T> items = [];

    public bool IsSynced { get; set; } = true;

    public void Put(T item) => items[(item.Metadata.NamespaceProperty ?? "", item.Metadata.Name)] = item;

    public void Remove(string ns, string name) => items.Remove((ns, name));

    public T? Get(string @namespace, string name) => items.GetValueOrDefault((@namespace, name));

    public IReadOnlyList<T> List(string? @namespace = null) => [.. items.Values.Where(i => @namespace is null || i.Metadata.NamespaceProperty == @namespace)];
}
