using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// The watch cache of one kind (controller-runtime's cache reader): what the watcher last saw, without a request.
/// Injectable in controllers for every kind registered with <c>AddController</c> or <c>AddResourceCache</c>.
/// Every object returned is a deep copy: safe to change, never written back by the cache.
/// </summary>
public interface IResourceCache<T>
    where T : class, ICustomResource
{
    /// <summary>True once the first list is done; before that the cache may miss objects that exist.</summary>
    bool IsSynced { get; }

    /// <summary>The object as last seen by the watch; null when it does not exist (or is not cached yet).</summary>
    T? Get(string @namespace, string name);

    /// <summary>Every cached object in <paramref name="namespace"/>, or in all watched namespaces when null, ordered by namespace and name.</summary>
    IReadOnlyList<T> List(string? @namespace = null);
}
