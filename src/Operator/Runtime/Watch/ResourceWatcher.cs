using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>
/// Lists then watches one kind and keeps the last object seen per key (the watch cache), without managedFields. Every change is handed to
/// the subscribers, in order, after the store holds it; they decide what to enqueue. Keeps the last resourceVersion
/// (bookmarks advance it); after a 410 Gone it re-lists and reports objects that disappeared while the watch was
/// broken as deleted. Failed lists and watches are retried with jittered exponential backoff; a watch that simply
/// ends (server timeout) is resumed at once from the last resourceVersion.
/// </summary>
public sealed class ResourceWatcher<T>(
    string kind,
    IWatchSource<T> source,
    WatcherOptions options,
    TimeProvider time,
    ILogger logger,
    Func<double>? random = null)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<ResourceKey, T> store = new();
    private readonly List<Action<ObjectChange<T>>> subscribers = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<double> random = random ?? Random.Shared.NextDouble;
    private string? resourceVersion;
    private int lists;

    public string Kind => kind;

    /// <summary>True once the first full list has been processed (the cache is "synced" for /readyz).</summary>
    public bool IsSynced => synced.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the first list has been processed.</summary>
    public Task Synced => synced.Task;

    /// <summary>The resourceVersion the next watch would start from (null before the first list).</summary>
    public string? ResourceVersion => Volatile.Read(ref resourceVersion);

    /// <summary>How many full lists were made (1 at start, plus one per 410).</summary>
    public int Lists => Volatile.Read(ref lists);

    /// <summary>Keys of every object currently known (for periodic resync).</summary>
    public IEnumerable<ResourceKey> Keys => store.Keys;

    /// <summary>Every object currently known. The objects are shared: callers must not change them.</summary>
    public IEnumerable<T> Objects => store.Values;

    /// <summary>The object last seen for <paramref name="key"/>, shared (callers must not change it); null when unknown.</summary>
    public T? Find(ResourceKey key) => store.TryGetValue(key, out var item) ? item : null;

    /// <summary>Adds a handler for every change (call before <see cref="RunAsync"/>). Handlers run on the watch loop: keep them short.</summary>
    public void Subscribe(Action<ObjectChange<T>> handler)
    {
        lock (subscribers)
        {
            subscribers.Add(handler);
        }
    }

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (ResourceVersion is null)
                {
                    await RelistAsync(cancellationToken).ConfigureAwait(false);
                }

                // Like client-go: a random timeout between 1x and 2x, so many watchers do not reconnect in step.
                var timeout = (int)Math.Max(1, options.WatchTimeout.TotalSeconds * (1 + random()));
                await foreach (var watchEvent in source.WatchAsync(ResourceVersion!, timeout, cancellationToken).ConfigureAwait(false))
                {
                    Handle(watchEvent);
                    failures = 0;
                }

                Log.WatchEnded(logger, kind, ResourceVersion);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (ResourceVersionExpiredException e)
            {
                // 410 Gone: the history we need is compacted away; start over with a fresh list.
                Log.WatchExpired(logger, kind, ResourceVersion, e.Message);
                Volatile.Write(ref resourceVersion, null);
                if (failures++ > 0)
                {
                    await DelayAsync(failures, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                failures++;
                Log.WatchFailed(logger, e, kind, ResourceVersion, failures);
                await DelayAsync(failures, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DelayAsync(int failures, CancellationToken cancellationToken)
    {
        var exponent = Math.Min(failures - 1, 30);
        var ticks = Math.Min(options.ReconnectMaxDelay.Ticks, options.ReconnectBaseDelay.Ticks * Math.Pow(2, exponent));
        // Full jitter on the upper half, so many replicas reconnecting after an API outage spread out.
        var delay = TimeSpan.FromTicks((long)(ticks / 2 + ticks / 2 * random()));
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<ResourceKey, T>();
        string? continueToken = null;
        var listVersion = "";
        do
        {
            ListPage<T> page;
            try
            {
                page = await source.ListAsync(continueToken, options.PageSize, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceVersionExpiredException) when (continueToken is not null)
            {
                // The continue token expired between pages: start the list again from the first page.
                fresh.Clear();
                continueToken = null;
                continue;
            }

            foreach (var item in page.Items)
            {
                fresh[KeyOf(item)] = Trim(item);
            }

            listVersion = page.ResourceVersion;
            continueToken = page.Continue;
        }
        while (!string.IsNullOrEmpty(continueToken));

        foreach (var (key, item) in fresh)
        {
            store.TryGetValue(key, out var previous);
            store[key] = item;
            Publish(new ObjectChange<T>(key, previous, item, FromList: true));
        }

        // Objects deleted while we were not watching: reported as deleted (a reconcile then ends quietly or finalizes).
        foreach (var key in store.Keys.Where(k => !fresh.ContainsKey(k)).ToList())
        {
            if (store.TryRemove(key, out var previous))
            {
                Publish(new ObjectChange<T>(key, previous, null, FromList: true));
            }
        }

        Interlocked.Increment(ref lists);
        Volatile.Write(ref resourceVersion, listVersion);
        // State first, then the log: whoever reads the line sees the watcher synced.
        synced.TrySetResult();
        Log.Listed(logger, kind, fresh.Count, listVersion);
    }

    private void Handle(WatchEvent<T> watchEvent)
    {
        var meta = watchEvent.Object.Metadata;
        if (watchEvent.Type == WatchEventType.Bookmark)
        {
            if (!string.IsNullOrEmpty(meta?.ResourceVersion))
            {
                Volatile.Write(ref resourceVersion, meta.ResourceVersion);
            }

            return;
        }

        if (meta is null)
        {
            return;
        }

        var key = KeyOf(watchEvent.Object);
        switch (watchEvent.Type)
        {
            case WatchEventType.Added:
            case WatchEventType.Modified:
                store.TryGetValue(key, out var previous);
                store[key] = Trim(watchEvent.Object);
                Publish(new ObjectChange<T>(key, previous, watchEvent.Object, FromList: false));
                break;
            case WatchEventType.Deleted:
                store.TryRemove(key, out var removed);
                Publish(new ObjectChange<T>(key, removed ?? watchEvent.Object, null, FromList: false));
                break;
        }

        if (!string.IsNullOrEmpty(meta.ResourceVersion))
        {
            Volatile.Write(ref resourceVersion, meta.ResourceVersion);
        }
    }

    private void Publish(ObjectChange<T> change)
    {
        Action<ObjectChange<T>>[] handlers;
        lock (subscribers)
        {
            handlers = [.. subscribers];
        }

        foreach (var handler in handlers)
        {
            handler(change);
        }
    }

    private static ResourceKey KeyOf(T item) => new(item.Metadata.NamespaceProperty, item.Metadata.Name);

    /// <summary>
    /// Drops metadata.managedFields before the object is kept, as controller-runtime's cache transform does: the API
    /// server sends them with every object (often larger than the spec), and nothing here reads them.
    /// </summary>
    private static T Trim(T item)
    {
        item.Metadata.ManagedFields = null;
        return item;
    }
}
