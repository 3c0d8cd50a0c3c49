namespace Ebops.Sandbox.Load;

/// <summary>
/// Every request a load generator sent, in a compact in-memory form (about 24 bytes a request: 500 requests/s for an
/// hour is about 43 MB), with named marks, per-bucket counts by version and failures, and summaries of any window.
/// Times are real time since the timeline was created, read from its <see cref="TimeProvider"/> (the load drives real
/// sockets); tests must count, never time.
/// </summary>
public sealed class LoadTimeline
{
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private readonly long origin;
    private readonly List<LoadEntry> entries = [];
    private readonly List<string> versions = [];
    private readonly Dictionary<string, ushort> versionIndex = new(StringComparer.Ordinal);
    private readonly List<LoadMark> marks = [];
    private readonly List<(long Count, TaskCompletionSource Reached)> waiters = [];

    public LoadTimeline(TimeProvider? clock = null)
    {
        this.clock = clock ?? TimeProvider.System;
        origin = this.clock.GetTimestamp();
    }

    /// <summary>Time since the timeline was created.</summary>
    public TimeSpan Now => clock.GetElapsedTime(origin);

    /// <summary>Requests recorded so far.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Records a named moment (now) and returns its time.</summary>
    public TimeSpan Mark(string name)
    {
        var at = Now;
        lock (gate)
        {
            marks.Add(new LoadMark(name, at));
        }

        return at;
    }

    public IReadOnlyList<LoadMark> Marks()
    {
        lock (gate)
        {
            return [.. marks];
        }
    }

    /// <summary>Records one request of client <paramref name="client"/> that started at <paramref name="startedAt"/> (a <see cref="Now"/> value) and ended now.</summary>
    public void Record(int client, TimeSpan startedAt, int status, LoadFailure failure, string? version, bool newConnection, bool cachesDnsForever)
    {
        var latency = Now - startedAt;
        lock (gate)
        {
            entries.Add(new LoadEntry(
                startedAt.Ticks,
                (int)Math.Min(int.MaxValue, latency.Ticks / TimeSpan.TicksPerMicrosecond),
                (short)status,
                failure,
                (byte)((newConnection ? 1 : 0) | (cachesDnsForever ? 2 : 0)),
                IndexOf(version),
                (ushort)client));
            if (waiters.Count > 0)
            {
                foreach (var waiter in waiters.Where(w => w.Count <= entries.Count).ToList())
                {
                    waiters.Remove(waiter);
                    waiter.Reached.TrySetResult();
                }
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have been recorded (an event to wait on, instead of polling).</summary>
    public Task WhenRecordedAsync(long count)
    {
        lock (gate)
        {
            if (entries.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>The recorded requests started in [<paramref name="from"/>, <paramref name="to"/>), in recording order.</summary>
    public IReadOnlyList<LoadSample> Samples(TimeSpan? from = null, TimeSpan? to = null)
    {
        lock (gate)
        {
            return [.. entries.Where(e => InWindow(e, from, to)).Select(Sample)];
        }
    }

    /// <summary>Requests by start time in buckets of <paramref name="width"/> (one second by default): answers by version, failures.</summary>
    public IReadOnlyList<LoadBucket> Buckets(TimeSpan? width = null) => Buckets(Samples(), width);

    /// <summary><paramref name="samples"/> by start time in buckets of <paramref name="width"/> (one second by default).</summary>
    public static IReadOnlyList<LoadBucket> Buckets(IEnumerable<LoadSample> samples, TimeSpan? width = null)
    {
        var size = (width ?? TimeSpan.FromSeconds(1)).Ticks;
        var buckets = new SortedDictionary<long, (Dictionary<string, int> ByVersion, int Failed)>();
        foreach (var sample in samples)
        {
            var key = sample.At.Ticks / size;
            if (!buckets.TryGetValue(key, out var bucket))
            {
                bucket = (new Dictionary<string, int>(StringComparer.Ordinal), 0);
            }

            if (sample.Failed)
            {
                bucket.Failed++;
            }
            else if (sample.Version is { } version)
            {
                bucket.ByVersion[version] = bucket.ByVersion.GetValueOrDefault(version) + 1;
            }

            buckets[key] = bucket;
        }

        return [.. buckets.Select(b => new LoadBucket(TimeSpan.FromTicks(b.Key * size), b.Value.ByVersion, b.Value.Failed))];
    }

    /// <summary>Summarizes the requests started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public LoadSummary Summarize(TimeSpan? from = null, TimeSpan? to = null) => Summarize(Samples(from, to));

    /// <summary>Summarizes <paramref name="samples"/>.</summary>
    public static LoadSummary Summarize(IReadOnlyList<LoadSample> samples)
    {
        var failures = samples.Where(s => s.Failed).GroupBy(s => s.Failure).ToDictionary(g => g.Key, g => (long)g.Count());
        var spans = samples
            .Where(s => !s.Failed && s.Version is not null)
            .GroupBy(s => s.Version!, StringComparer.Ordinal)
            .Select(g => new VersionSpan(g.Key, g.Count(), g.Min(s => s.At), g.Max(s => s.At)))
            .OrderBy(v => v.FirstAt)
            .ToList();
        var latencies = samples.Where(s => s.Status > 0).Select(s => s.Latency).Order().ToList();
        return new LoadSummary(samples.Count, failures.Values.Sum(), failures, spans, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    // Nearest rank: the smallest latency with at least p of the others at or below it.
    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static bool InWindow(LoadEntry e, TimeSpan? from, TimeSpan? to) =>
        (from is null || e.Ticks >= from.Value.Ticks) && (to is null || e.Ticks < to.Value.Ticks);

    private ushort IndexOf(string? version)
    {
        if (version is null)
        {
            return 0;
        }

        if (!versionIndex.TryGetValue(version, out var index))
        {
            versions.Add(version);
            index = (ushort)Math.Min(ushort.MaxValue, versions.Count);
            versionIndex[version] = index;
        }

        return index;
    }

    private LoadSample Sample(LoadEntry e) => new(
        e.Client,
        TimeSpan.FromTicks(e.Ticks),
        e.Status,
        e.Failure,
        e.Version == 0 ? null : versions[e.Version - 1],
        TimeSpan.FromTicks(e.LatencyMicros * TimeSpan.TicksPerMicrosecond),
        (e.Flags & 1) != 0,
        (e.Flags & 2) != 0);
}
