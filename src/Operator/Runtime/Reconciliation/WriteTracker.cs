namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Remembers, per key, the resourceVersion our own last write returned until the watch delivers it, so a reconcile
/// never acts on a cached object older than what it wrote itself. Versions are compared for equality only
/// (resourceVersions are opaque). Versions the watch delivers while a write is in flight are collected, because the
/// event can arrive before the write's response.
/// </summary>
internal sealed class WriteTracker
{
    private readonly object gate = new();
    private readonly Dictionary<ResourceKey, string> pending = [];
    private readonly Dictionary<ResourceKey, InFlight> inFlight = [];

    /// <summary>Call before a write of <paramref name="key"/>.</summary>
    public void BeginWrite(ResourceKey key)
    {
        lock (gate)
        {
            if (!inFlight.TryGetValue(key, out var writes))
            {
                writes = new InFlight();
                inFlight[key] = writes;
            }

            writes.Count++;
        }
    }

    /// <summary>Call after the write; <paramref name="resourceVersion"/> is what the server returned (null: the write failed).</summary>
    public void EndWrite(ResourceKey key, string? resourceVersion)
    {
        lock (gate)
        {
            // Writes of one key can overlap (a reconcile started outside the queue next to a worker's): the versions
            // seen stay collected until the last of them ends.
            var seen = inFlight.GetValueOrDefault(key);
            if (seen is not null && --seen.Count == 0)
            {
                inFlight.Remove(key);
            }

            if (resourceVersion is not null && seen?.Seen.Contains(resourceVersion) != true)
            {
                pending[key] = resourceVersion;
            }
        }
    }

    /// <summary>
    /// The watch saw <paramref name="resourceVersion"/> for the key (null: deleted). A re-list also ends the wait: it
    /// may have skipped the version, and a stale read left then is caught by the next write's 409.
    /// </summary>
    public void Observe(ResourceKey key, string? resourceVersion, bool fromList)
    {
        lock (gate)
        {
            if (resourceVersion is not null && inFlight.TryGetValue(key, out var writes))
            {
                writes.Seen.Add(resourceVersion);
            }

            if (resourceVersion is null || fromList || (pending.TryGetValue(key, out var written) && written == resourceVersion))
            {
                pending.Remove(key);
            }
        }
    }

    /// <summary>True when no write of ours is newer than <paramref name="cachedVersion"/> (then the cache can be used).</summary>
    public bool IsCaughtUp(ResourceKey key, string? cachedVersion)
    {
        lock (gate)
        {
            if (!pending.TryGetValue(key, out var written))
            {
                return true;
            }

            if (written != cachedVersion)
            {
                return false;
            }

            pending.Remove(key);
            return true;
        }
    }

    public void Forget(ResourceKey key)
    {
        lock (gate)
        {
            pending.Remove(key);
        }
    }

    private sealed class InFlight
    {
        public int Count { get; set; }

        public HashSet<string> Seen { get; } = [];
    }
}
