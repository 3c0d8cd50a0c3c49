using System.Text.Json;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>A watch cache the test fills: <see cref="Put"/> and <see cref="Remove"/>; reads return deep copies, as the real one does.</summary>
internal sealed class FakeResourceCache<T> : IResourceCache<T>
    where T : class, ICustomResource
{
    private readonly Dictionary<(string Namespace, string Name), string> objects = [];

    public bool IsSynced => true;

    public void Put(T entity) => objects[(entity.Metadata.NamespaceProperty ?? "", entity.Metadata.Name)] = JsonSerializer.Serialize(entity);

    public void Remove(string @namespace, string name) => objects.Remove((@namespace, name));

    public T? Get(string @namespace, string name) =>
        objects.TryGetValue((@namespace, name), out var json) ? JsonSerializer.Deserialize<T>(json) : null;

    public IReadOnlyList<T> List(string? @namespace = null) =>
    [
        .. objects.Where(o => @namespace is null || o.Key.Namespace == @namespace)
            .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal).ThenBy(o => o.Key.Name, StringComparer.Ordinal)
            .Select(o => JsonSerializer.Deserialize<T>(o.Value)!),
    ];
}
