namespace Ebops.Operator.Resources;

/// <summary>
/// Batches steady-state reads of one AWS object type: <see cref="ReadAsync"/> in <see cref="ReadMode.Cached"/> mode
/// answers from a snapshot of every owned object (one paginated describe, filtered by the ownership tags, loaded on
/// demand when older than <c>maxAge</c>, one load at a time); a key missing from the snapshot, and every
/// <see cref="ReadMode.Live"/> read, asks AWS for that one key. A write should <see cref="Invalidate"/> its key so the
/// next cached read goes live. Thread-safe.
/// </summary>
/// <param name="loadAll">Describes every owned object (all pages).</param>
/// <param name="loadOne">Describes one object by key; null when it does not exist.</param>
/// <param name="keyOf">The key of a described object (ordinal comparison).</param>
/// <param name="maxAge">How old a snapshot may be before a cached read loads a new one (at most the poll interval).</param>
/// <param name="time">The clock snapshot ages are measured with.</param>
public sealed class SnapshotReader<TValue>(
    Func<CancellationToken, Task<IReadOnlyList<TValue>>> loadAll,
    Func<string, CancellationToken, Task<TValue?>> loadOne,
    Func<TValue, string> keyOf,
    TimeSpan maxAge,
    TimeProvider time)
    where TValue : class
{
    private readonly CountedGate loading = new();
    private readonly Lock gate = new();
    private readonly HashSet<string> invalidated = new(StringComparer.Ordinal);
    private Dictionary<string, TValue>? snapshot;
    private DateTimeOffset loadedAt;
    private int inLoad;

    /// <summary>How many full loads were made (for tests and metrics).</summary>
    public int Loads { get; private set; }

    /// <summary>Readers held now by another reader's load in progress (for tests: such a reader moves only when that
    /// load does). Counted from the start of the load until just before it lets the next reader in.</summary>
    public int Waiting => Volatile.Read(ref inLoad) == 1 ? loading.Waiting : 0;

    /// <summary>Called when a reader starts waiting for another reader's load (for tests that drive a fake clock: a
    /// count that changed without anything else happening).</summary>
    public Action? WaitStarted { get; set; }

    /// <summary>The object with <paramref name="key"/>, or null when AWS says it does not exist.</summary>
    public async Task<TValue?> ReadAsync(string key, ReadMode mode, CancellationToken cancellationToken)
    {
        if (mode == ReadMode.Cached && await FromSnapshotAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        var value = await loadOne(key, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            invalidated.Remove(key);
            if (snapshot is not null)
            {
                if (value is null)
                {
                    snapshot.Remove(key);
                }
                else
                {
                    snapshot[key] = value;
                }
            }
        }

        return value;
    }

    /// <summary>Forgets what the snapshot holds for <paramref name="key"/> (call after writing to it).</summary>
    public void Invalidate(string key)
    {
        lock (gate)
        {
            invalidated.Add(key);
        }
    }

    private async Task<TValue?> FromSnapshotAsync(string key, CancellationToken cancellationToken)
    {
        if (TryCached(key, out var value, out var fresh))
        {
            return value;
        }

        if (fresh)
        {
            return null;
        }

        await loading.EnterAsync(WaitStarted, cancellationToken).ConfigureAwait(false);
        try
        {
            // Another reader may have loaded while this one waited.
            bool stale;
            lock (gate)
            {
                stale = !IsFreshLocked();
            }

            if (stale)
            {
                Volatile.Write(ref inLoad, 1);
                var all = await loadAll(cancellationToken).ConfigureAwait(false);
                lock (gate)
                {
                    snapshot = all.ToDictionary(keyOf, StringComparer.Ordinal);
                    loadedAt = time.GetUtcNow();
                    invalidated.Clear();
                    Loads++;
                }
            }
        }
        finally
        {
            Volatile.Write(ref inLoad, 0);
            loading.Release();
        }

        return TryCached(key, out value, out _) ? value : null;
    }

    private bool TryCached(string key, out TValue? value, out bool fresh)
    {
        lock (gate)
        {
            value = null;
            fresh = IsFreshLocked();
            return fresh && !invalidated.Contains(key) && snapshot!.TryGetValue(key, out value);
        }
    }

    private bool IsFreshLocked() => snapshot is not null && time.GetUtcNow() - loadedAt < maxAge;
}
