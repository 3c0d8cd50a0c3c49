namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// The change history of one resource type that watches replay from, sized like kube-apiserver's watch cache
/// (<c>cacher/watch_cache.go</c>): a cyclic buffer of at least <see cref="LowerBound"/> events (100) and at most
/// <see cref="UpperBound"/>; when it is full and its oldest event is less than <see cref="FreshFor"/> (75 s) old it
/// doubles, and when it is full and the newest quarter already reaches back further than that it halves. The oldest
/// event goes when a new one comes into a full buffer; a watch from before it is 410 Gone. Not thread-safe: the
/// store's lock guards it.
/// </summary>
internal sealed class WatchWindow(int lowerBound, int upperBound, TimeSpan freshFor)
{
    /// <summary>kube-apiserver's <c>defaultLowerBoundCapacity</c>.</summary>
    public const int DefaultLowerBound = 100;

    /// <summary>kube-apiserver's <c>defaultUpperBoundCapacity</c>.</summary>
    public const int DefaultUpperBound = 100 * 1024;

    /// <summary>kube-apiserver's <c>eventFreshDuration</c>: the bookmark period (60 s) plus a margin.</summary>
    public static readonly TimeSpan DefaultFreshFor = TimeSpan.FromSeconds(75);

    private (WatchEvent Event, DateTimeOffset At)[] ring = new (WatchEvent, DateTimeOffset)[Math.Min(lowerBound, upperBound)];
    private long start;
    private long end;

    public int LowerBound { get; } = Math.Min(lowerBound, upperBound);

    public int UpperBound { get; } = upperBound;

    public TimeSpan FreshFor { get; } = freshFor;

    /// <summary>How many events the buffer holds now at most.</summary>
    public int Capacity => ring.Length;

    /// <summary>How many events it holds.</summary>
    public int Count => (int)(end - start);

    /// <summary>The resourceVersion of the newest event dropped (0 when none was): a watch or a list at a version
    /// below it is 410 Gone, from it or later it misses nothing of this type.</summary>
    public long CompactedThrough { get; private set; }

    /// <summary>Records <paramref name="e"/>, recorded at <paramref name="at"/>, resizing first and dropping the oldest
    /// event when the buffer is full.</summary>
    public void Append(WatchEvent e, DateTimeOffset at)
    {
        Resize(at);
        if (Full)
        {
            CompactedThrough = ring[start % ring.Length].Event.ResourceVersion;
            ring[start % ring.Length] = default;
            start++;
        }

        ring[end % ring.Length] = (e, at);
        end++;
    }

    /// <summary>The events after <paramref name="resourceVersion"/>, oldest first.</summary>
    public IEnumerable<WatchEvent> Since(long resourceVersion)
    {
        for (var i = start; i < end; i++)
        {
            var e = ring[i % ring.Length].Event;
            if (e.ResourceVersion > resourceVersion)
            {
                yield return e;
            }
        }
    }

    /// <summary>Every event, newest first.</summary>
    public IEnumerable<WatchEvent> NewestFirst()
    {
        for (var i = end - 1; i >= start; i--)
        {
            yield return ring[i % ring.Length].Event;
        }
    }

    private bool Full => end - start == ring.Length;

    private void Resize(DateTimeOffset at)
    {
        if (!Full)
        {
            return;
        }

        if (at - ring[start % ring.Length].At < FreshFor)
        {
            Reshape(Math.Min(ring.Length * 2, UpperBound));
        }
        else if (at - ring[(end - (ring.Length / 4)) % ring.Length].At > FreshFor)
        {
            Reshape(Math.Max(ring.Length / 2, LowerBound));
        }
    }

    private void Reshape(int capacity)
    {
        if (capacity == ring.Length)
        {
            return;
        }

        if (capacity < ring.Length)
        {
            // Shrinking keeps the newest events; the ones before them are dropped.
            CompactedThrough = ring[(end - capacity - 1) % ring.Length].Event.ResourceVersion;
            start = end - capacity;
        }

        var resized = new (WatchEvent, DateTimeOffset)[capacity];
        for (var i = start; i < end; i++)
        {
            resized[i % capacity] = ring[i % ring.Length];
        }

        ring = resized;
    }
}
