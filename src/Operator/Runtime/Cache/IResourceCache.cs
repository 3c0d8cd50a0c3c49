using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// The watch cache of one kind (controller-runtime's cached client): reads cost no API request. Objects are deep
/// copies, safe to mutate. The cache may lag behind the API server by the watch's latency; status writes carry the
/// resourceVersion that was read, so acting on a stale copy ends in a 409 and a fresh read, never in a lost update.
/// </summary>
public interface IResourceCache<T>
    where T : class, ICustomResource
{
    /// <summary>True once the first list has been processed.</summary>
    bool IsSynced { get; }

    /// <summary>A copy of the object, or null when the cache does not hold it.</summary>
    T? Get(string @namespace, string name);

    /// <summary>Copies of every cached object, in one namespace or all.</summary>
    IReadOnlyList<T> List(string? @namespace = null);

    /// <summary>
    /// Copies of the cached objects <paramref name="match"/> accepts, in one namespace or all. The cache may hand
    /// <paramref name="match"/> its shared objects, before copying: it must only read them.
    /// </summary>
    IReadOnlyList<T> List(string? @namespace, Func<T, bool> match) => [.. List(@namespace).Where(match)];
}
