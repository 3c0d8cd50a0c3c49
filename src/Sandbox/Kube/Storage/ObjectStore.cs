using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// In-memory storage with etcd's model: one global, monotonically increasing resourceVersion; every write appends to
/// its resource type's <see cref="WatchWindow"/> (bounded like kube-apiserver's watch cache) that watches replay from;
/// a watch or continue token older than that window's start is 410 Gone. One lock serializes writes and subscriptions
/// so that replay-then-live never loses or reorders an event.
/// </summary>
internal sealed class ObjectStore(TimeProvider time, int windowUpperBound, int windowLowerBound = WatchWindow.DefaultLowerBound)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WatchWindow> windows = new(StringComparer.Ordinal);
    private readonly List<WatchSubscription> subscriptions = [];
    private long resourceVersion = 1;
    private long written;

    public long ResourceVersion
    {
        get
        {
            lock (gate)
            {
                return resourceVersion;
            }
        }
    }

    /// <summary>Change events recorded since the start, and how many the watch windows still hold (all types).</summary>
    public (long Written, int Retained) EventCounts
    {
        get
        {
            lock (gate)
            {
                return (written, windows.Values.Sum(w => w.Count));
            }
        }
    }

    /// <summary>Per resource type (storage key): the events its watch window holds and its capacity now.</summary>
    public IReadOnlyDictionary<string, (int Count, int Capacity)> Windows
    {
        get
        {
            lock (gate)
            {
                return windows.ToDictionary(w => w.Key, w => (w.Value.Count, w.Value.Capacity), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The oldest resourceVersion a watch of <paramref name="storageKey"/> can still start from (for the 410 message).</summary>
    public long OldestWatchable(string storageKey)
    {
        lock (gate)
        {
            return CompactedThrough(storageKey);
        }
    }

    public StoredObject? Get(string storageKey, string ns, string name)
    {
        lock (gate)
        {
            return buckets.TryGetValue(storageKey, out var bucket) && bucket.TryGetValue(StoredObject.KeyOf(ns, name), out var o) ? o : null;
        }
    }

    /// <summary>
    /// Lists in key order (namespace/name) starting after <paramref name="startAfter"/>; limit 0 means all. With
    /// <paramref name="atVersion"/> the list shows the state at that resourceVersion (rolled back through the event
    /// log, like etcd's MVCC read), so the pages of one list are consistent; null when that version is compacted away.
    /// </summary>
    public ListResult? List(string storageKey, string? ns, Func<StoredObject, bool> filter, string? startAfter, int limit, long? atVersion = null)
    {
        lock (gate)
        {
            var items = new List<StoredObject>();
            string? continueAfter = null;
            long remaining = 0;
            if (atVersion is { } at && at < CompactedThrough(storageKey))
            {
                return null;
            }
            IReadOnlyDictionary<string, StoredObject>? bucket = buckets.TryGetValue(storageKey, out var live) ? live : null;
            if (atVersion is { } version && version < resourceVersion)
            {
                bucket = Snapshot(storageKey, live, version);
            }
            if (bucket is not null)
            {
                foreach (var (key, o) in bucket)
                {
                    if ((startAfter is not null && string.CompareOrdinal(key, startAfter) <= 0) || (ns is not null && o.Namespace != ns) || !filter(o))
                    {
                        continue;
                    }
                    if (limit > 0 && items.Count == limit)
                    {
                        continueAfter ??= items[^1].Key;
                        remaining++;
                        continue;
                    }
                    items.Add(o);
                }
            }
            return new ListResult(items, Math.Min(atVersion ?? resourceVersion, resourceVersion), continueAfter, remaining);
        }
    }

    /// <summary>The bucket as it was at <paramref name="version"/>: later events undone, newest first. Caller holds the lock.</summary>
    private SortedDictionary<string, StoredObject> Snapshot(string storageKey, SortedDictionary<string, StoredObject>? live, long version)
    {
        var snapshot = live is null ? new SortedDictionary<string, StoredObject>(StringComparer.Ordinal) : new SortedDictionary<string, StoredObject>(live, StringComparer.Ordinal);
        var history = windows.TryGetValue(storageKey, out var window) ? window.NewestFirst() : [];
        foreach (var e in history.TakeWhile(e => e.ResourceVersion > version))
        {
            switch (e.Type)
            {
                case WatchEvent.Added:
                    snapshot.Remove(e.Object!.Key);
                    break;
                case WatchEvent.Modified or WatchEvent.Deleted when e.Previous is not null:
                    snapshot[e.Previous.Key] = e.Previous;
                    break;
            }
        }
        return snapshot;
    }

    public int CountInNamespace(string ns)
    {
        lock (gate)
        {
            return buckets.Values.Sum(b => b.Values.Count(o => o.Namespace == ns));
        }
    }

    /// <summary>Every stored object of every kind in <paramref name="ns"/> (everything when null), as (storageKey, object).</summary>
    public IReadOnlyList<(string StorageKey, StoredObject Object)> InNamespace(string? ns)
    {
        lock (gate)
        {
            return [.. buckets.SelectMany(b => b.Value.Values.Where(o => ns is null || o.Namespace == ns).Select(o => (b.Key, o)))];
        }
    }

    public StoreResult Create(string storageKey, JsonObject obj)
    {
        lock (gate)
        {
            var bucket = Bucket(storageKey);
            var meta = obj["metadata"]!;
            var key = StoredObject.KeyOf(meta["namespace"]?.GetValue<string>() ?? "", meta["name"]!.GetValue<string>());
            if (bucket.ContainsKey(key))
            {
                return new StoreResult(StoreOutcome.AlreadyExists, null);
            }
            var stored = StoredObject.From(obj, ++resourceVersion);
            bucket[key] = stored;
            Append(new WatchEvent(WatchEvent.Added, stored.ResourceVersion, storageKey, stored, null));
            return new StoreResult(StoreOutcome.Ok, stored);
        }
    }

    /// <summary>Replaces the object if it is still at <paramref name="expectedVersion"/>.</summary>
    public StoreResult Update(string storageKey, JsonObject obj, long expectedVersion)
    {
        lock (gate)
        {
            var bucket = Bucket(storageKey);
            var meta = obj["metadata"]!;
            var key = StoredObject.KeyOf(meta["namespace"]?.GetValue<string>() ?? "", meta["name"]!.GetValue<string>());
            if (!bucket.TryGetValue(key, out var current))
            {
                return StoreResult.NotFound;
            }
            if (current.ResourceVersion != expectedVersion)
            {
                return StoreResult.Conflict;
            }
            var stored = StoredObject.From(obj, ++resourceVersion);
            bucket[key] = stored;
            Append(new WatchEvent(WatchEvent.Modified, stored.ResourceVersion, storageKey, stored, current));
            return new StoreResult(StoreOutcome.Ok, stored);
        }
    }

    /// <summary>
    /// Removes the object if it is still at <paramref name="expectedVersion"/>. The DELETED event carries
    /// <paramref name="finalState"/> (or the stored object) at a new resourceVersion, as etcd reports a delete.
    /// </summary>
    public StoreResult Delete(string storageKey, string ns, string name, long expectedVersion, JsonObject? finalState = null)
    {
        lock (gate)
        {
            var bucket = Bucket(storageKey);
            var key = StoredObject.KeyOf(ns, name);
            if (!bucket.TryGetValue(key, out var current))
            {
                return StoreResult.NotFound;
            }
            if (current.ResourceVersion != expectedVersion)
            {
                return StoreResult.Conflict;
            }
            bucket.Remove(key);
            var stored = StoredObject.From(finalState ?? current.Parse(), ++resourceVersion);
            Append(new WatchEvent(WatchEvent.Deleted, stored.ResourceVersion, storageKey, stored, current));
            return new StoreResult(StoreOutcome.Ok, stored);
        }
    }

    /// <summary>
    /// Subscribes to changes of one storage key. With <paramref name="fromVersion"/> null, the current matching objects
    /// are sent first as ADDED (watch without a resourceVersion, or <c>0</c>); otherwise the log is replayed from
    /// there. Returns null when <paramref name="fromVersion"/> is older than the log (the caller answers 410).
    /// </summary>
    public WatchSubscription? Subscribe(string storageKey, string? ns, Func<StoredObject, bool> matches, long? fromVersion, bool initialEventsEndBookmark)
    {
        lock (gate)
        {
            if (fromVersion is { } from && from < CompactedThrough(storageKey))
            {
                return null;
            }
            var subscription = new WatchSubscription(this, storageKey, o => (ns is null || o.Namespace == ns) && matches(o));
            if (fromVersion is null)
            {
                if (buckets.TryGetValue(storageKey, out var bucket))
                {
                    foreach (var o in bucket.Values)
                    {
                        subscription.Offer(new WatchEvent(WatchEvent.Added, o.ResourceVersion, storageKey, o, null));
                    }
                }
                if (initialEventsEndBookmark)
                {
                    subscription.Offer(new WatchEvent(WatchEvent.Bookmark, resourceVersion, storageKey, null, null) { InitialEventsEnd = true });
                }
            }
            else if (windows.TryGetValue(storageKey, out var window))
            {
                foreach (var e in window.Since(fromVersion.Value))
                {
                    subscription.Offer(e);
                }
            }
            subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Ends every watch of <paramref name="storageKey"/> (all watches when null), as the real server does when a CRD goes or it stops.</summary>
    public void CloseWatches(string? storageKey)
    {
        lock (gate)
        {
            foreach (var s in subscriptions.Where(s => storageKey is null || s.StorageKey == storageKey))
            {
                s.Close();
            }
        }
    }

    internal void Bookmark(WatchSubscription subscription)
    {
        lock (gate)
        {
            subscription.Offer(new WatchEvent(WatchEvent.Bookmark, resourceVersion, subscription.StorageKey, null, null));
        }
    }

    internal void Unsubscribe(WatchSubscription subscription)
    {
        lock (gate)
        {
            subscriptions.Remove(subscription);
        }
    }

    private SortedDictionary<string, StoredObject> Bucket(string storageKey)
    {
        if (!buckets.TryGetValue(storageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            buckets[storageKey] = bucket;
        }
        return bucket;
    }

    // Caller holds the lock.
    private long CompactedThrough(string storageKey) => windows.TryGetValue(storageKey, out var window) ? window.CompactedThrough : 0;

    private void Append(WatchEvent e)
    {
        if (!windows.TryGetValue(e.StorageKey, out var window))
        {
            window = new WatchWindow(windowLowerBound, windowUpperBound, WatchWindow.DefaultFreshFor);
            windows[e.StorageKey] = window;
        }
        window.Append(e, time.GetUtcNow());
        written++;
        foreach (var s in subscriptions)
        {
            s.Offer(e);
        }
    }
}
