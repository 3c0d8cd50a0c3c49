using k8s;
using k8s.Models;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>The list and watch calls a <see cref="ResourceWatcher{T}"/> needs for one kind, in one namespace or all.</summary>
public interface IWatchSource<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>
    /// One page of a list (<paramref name="continueToken"/> null for the first). Throws
    /// <see cref="ResourceVersionExpiredException"/> when the continue token expired (410).
    /// </summary>
    Task<ListPage<T>> ListAsync(string? continueToken, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks until the server closes the stream (after about
    /// <paramref name="timeoutSeconds"/>). Throws <see cref="ResourceVersionExpiredException"/> for 410 Gone / "too old
    /// resource version" (which KubernetesClient reports through its error callback, not as an event).
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken);
}
