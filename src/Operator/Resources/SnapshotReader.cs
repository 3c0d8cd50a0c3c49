namespace Ebops.Operator.Resources;

/// <summary>
/// Batches steady-state reads of one AWS object type: <see cref="ReadAsync"/> in <see cref="ReadMode.Cached"/> mode
/// answers from a snapshot of every owned object (one paginated describe, filtered by the ownership tags, loaded on
/// demand when older than <c>maxAge</c>, one load at a time); <see cref="ReadMode.Recent"/> does the same with a
/// snapshot no older than <see cref="RecentMaxAge"/> (many objects waiting on AWS share one describe); a key missing
/// from the snapshot, and every <see cref="ReadMode.Live"/> read, asks AWS for that one key. A write should
/// <see cref="Invalidate"/> its key: until a load that started after the write, reads of it go live. Ages are
/// measured from the start of a load, so a snapshot is never taken for newer than it is. Thread-safe.
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
    private readonly Dictionary<string, long> invalidated = new(StringComparer.Ordinal);
    private Dictionary<string, TValue>? snapshot;
    private DateTimeOffset loadedAt;
    private long writes;
    private int inLoad;

    /// <summary>How old a snapshot a <see cref="ReadMode.Recent"/> read accepts; zero makes such reads live.</summary>
    public TimeSpan RecentMaxAge { get; init; }

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
        var age = mode switch
        {
            ReadMode.Cached => maxAge,
            ReadMode.Recent when RecentMaxAge > TimeSpan.Zero => RecentMaxAge,
            _ => (TimeSpan?)null,
        };
        if (age is { } accepted && await FromSnapshotAsync(key, accepted, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        long before;
        lock (gate)
        {
            before = writes;
        }

        var value = await loadOne(key, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            if (invalidated.TryGetValue(key, out var written) && written <= before)
            {
                invalidated.Remove(key);
            }

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
            invalidated[key] = ++writes;
        }
    }

    private async Task<TValue?> FromSnapshotAsync(string key, TimeSpan age, CancellationToken cancellationToken)
    {
        if (TryCached(key, age, out var value, out var fresh))
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
                stale = !IsFreshLocked(age);
            }

            if (stale)
            {
                Volatile.Write(ref inLoad, 1);
                await LoadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref inLoad, 0);
            loading.Release();
        }

        return TryCached(key, age, out value, out _) ? value : null;
    }

    /// <summary>Loads every object; forgets only the writes made before the load started (a later one may be missing).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        long before;
        DateTimeOffset started;
        lock (gate)
        {
            (before, started) = (writes, time.GetUtcNow());
        }

        var all = await loadAll(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            snapshot = all.ToDictionary(keyOf, StringComparer.Ordinal);
            loadedAt = started;
            foreach (var key in invalidated.Where(i => i.Value <= before).Select(i => i.Key).ToList())
            {
                invalidated.Remove(key);
            }

            Loads++;
        }
    }

    private bool TryCached(string key, TimeSpan age, out TValue? value, out bool fresh)
    {
        lock (gate)
        {
            value = null;
            fresh = IsFreshLocked(age);
            return fresh && !invalidated.ContainsKey(key) && snapshot!.TryGetValue(key, out value);
        }
    }

    private bool IsFreshLocked(TimeSpan age) => snapshot is not null && time.GetUtcNow() - loadedAt < age;
}
