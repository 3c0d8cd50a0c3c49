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
    private readonly Dictionary<ResourceKey, HashSet<string>> inFlight = [];

    /// <summary>Call before a write of <paramref name="key"/>.</summary>
    public void BeginWrite(ResourceKey key)
    {
        lock (gate)
        {
            inFlight.TryAdd(key, []);
        }
    }

    /// <summary>Call after the write; <paramref name="resourceVersion"/> is what the server returned (null: the write failed).</summary>
    public void EndWrite(ResourceKey key, string? resourceVersion)
    {
        lock (gate)
        {
            inFlight.Remove(key, out var seen);
            if (resourceVersion is not null && seen?.Contains(resourceVersion) != true)
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
            if (resourceVersion is not null && inFlight.TryGetValue(key, out var seen))
            {
                seen.Add(resourceVersion);
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
}
