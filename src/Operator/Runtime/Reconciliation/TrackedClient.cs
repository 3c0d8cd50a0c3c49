using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Runtime.Watch;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// The reconcile loop's reads and writes of one kind. Reads come from the watch cache, except once after a 409 (the
/// cache proved stale) or while the cache has not yet delivered our own last write (then one live GET). Writes carry
/// the resourceVersion that was read, so acting on a stale object fails with 409 instead of overwriting.
/// </summary>
internal sealed class TrackedClient<T>(IResourceClient<T> client, ResourceInformer<T> informer)
    where T : class, ICustomResource
{
    private readonly WriteTracker writes = new();
    private readonly ConcurrentDictionary<ResourceKey, bool> liveNext = new();
    private int liveReads;

    /// <summary>GETs made because the cache was stale or behind our own write.</summary>
    public int LiveReads => Volatile.Read(ref liveReads);

    /// <summary>Feeds what the watch delivered (subscribe before the informer runs).</summary>
    public void Observe(ObjectChange<T> change) =>
        writes.Observe(change.Key, change.Current?.Metadata.ResourceVersion, change.FromList);

    /// <summary>The next read of <paramref name="key"/> goes to the API server.</summary>
    public void ReadLiveNext(ResourceKey key) => liveNext[key] = true;

    public void Forget(ResourceKey key)
    {
        writes.Forget(key);
        liveNext.TryRemove(key, out _);
    }

    /// <summary>A private copy of the object; null when it does not exist.</summary>
    public async Task<T?> ReadAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var cached = informer.Watcher.Find(key);
        if (!liveNext.TryRemove(key, out _) && writes.IsCaughtUp(key, cached?.Metadata.ResourceVersion))
        {
            return cached is null ? null : ResourceInformer<T>.Copy(cached);
        }

        Interlocked.Increment(ref liveReads);
        return await client.GetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
    }

    public Task<T> AddFinalizerAsync(T entity, string finalizer, CancellationToken cancellationToken) =>
        WriteAsync(entity, () => Finalizers.AddAsync(client, entity, finalizer, cancellationToken));

    public Task<T> RemoveFinalizerAsync(T entity, string finalizer, CancellationToken cancellationToken) =>
        WriteAsync(entity, () => Finalizers.RemoveAsync(client, entity, finalizer, cancellationToken));

    /// <summary>Writes status when it differs from <paramref name="before"/> (see <see cref="StatusWriter"/>); returns true when it wrote.</summary>
    public async Task<bool> WriteStatusIfChangedAsync(T entity, JsonNode? before, CancellationToken cancellationToken)
    {
        var key = KeyOf(entity);
        writes.BeginWrite(key);
        string? written = null;
        try
        {
            var wrote = await StatusWriter.WriteIfChangedAsync(client, entity, before, cancellationToken).ConfigureAwait(false);
            written = wrote ? entity.Metadata.ResourceVersion : null;
            return wrote;
        }
        finally
        {
            writes.EndWrite(key, written);
        }
    }

    private async Task<T> WriteAsync(T entity, Func<Task<T>> write)
    {
        var key = KeyOf(entity);
        writes.BeginWrite(key);
        T? updated = null;
        try
        {
            updated = await write().ConfigureAwait(false);
            return updated;
        }
        finally
        {
            var version = updated is not null && !ReferenceEquals(updated, entity) ? updated.Metadata.ResourceVersion : null;
            writes.EndWrite(key, version);
        }
    }

    private static ResourceKey KeyOf(T entity) => new(entity.Metadata.NamespaceProperty, entity.Metadata.Name);
}
