using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary>
/// The release scenario's figures for one strategy, from its load timeline and release records. Durations are
/// reported in simulated time (real time divided by the time scale); latencies are real.
/// <list type="bullet">
/// <item><c>failedRequests</c>, <c>failedRate</c>: over the whole run (settling, releases, between releases).</item>
/// <item><c>cutoverSeconds</c>: from the cut-over (update call, swap, gate passed) to the first request on a new
/// connection answered by the new version; mean over the releases.</item>
/// <item><c>fullShiftSeconds</c>: from the cut-over to the moment from which every request on a new connection, of any
/// client, until the next release starts, is answered by the new version; mean over the releases, null when that never
/// happened in some release (the last new-connection request failed or reached the old version).</item>
/// <item><c>p50Ms</c>, <c>p99Ms</c>: latency of the answered requests while a release was running.</item>
/// <item><c>doubleCapacityMinutes</c>, <c>releaseMinutes</c>: per release, mean.</item>
/// <item><c>requests</c>, <c>requestsPerSecond</c>: what the load achieved (real time).</item>
/// </list>
/// </summary>
internal static class ReleaseMetrics
{
    /// <summary>The figures of <paramref name="releases"/> from the samples of [<paramref name="loadStarted"/>,
    /// <paramref name="loadStopped"/>), and the chart's buckets of <paramref name="bucketWidth"/> (real time).</summary>
    public static StrategyResult Compute(string strategy, LoadTimeline timeline, IReadOnlyList<ReleaseRecord> releases, TimeSpan loadStarted, TimeSpan loadStopped, double timeScale, TimeSpan bucketWidth)
    {
        var versions = releases.Select(r => r.Version).Prepend(ReleaseScenario.FirstVersion).ToHashSet(StringComparer.Ordinal);
        var all = Own(timeline.Samples(loadStarted, loadStopped), versions);
        var summary = LoadTimeline.Summarize(all);
        var during = all.Where(s => releases.Any(r => s.At >= r.Started && s.At < r.Finished)).ToList();
        var duringSummary = LoadTimeline.Summarize(during);
        var shifts = releases.Select((r, i) => Shift(all, r, i + 1 < releases.Count ? releases[i + 1].Started : loadStopped)).ToList();
        double Simulated(TimeSpan real) => real.TotalSeconds / timeScale;
        double? Mean(IEnumerable<TimeSpan?> values) => values.Any(v => v is null) ? null : values.Select(v => Simulated(v!.Value)).DefaultIfEmpty().Average();

        List<KeyValuePair<string, double?>> metrics =
        [
            new("failedRequests", summary.Failed),
            new("failedRate", summary.FailedRate),
            new("cutoverSeconds", Mean(shifts.Select(s => s.First))),
            new("fullShiftSeconds", Mean(shifts.Select(s => s.Full))),
            new("p50Ms", duringSummary.P50.TotalMilliseconds),
            new("p99Ms", duringSummary.P99.TotalMilliseconds),
            new("doubleCapacityMinutes", releases.Select(r => Simulated(r.DoubleCapacity) / 60).DefaultIfEmpty().Average()),
            new("releaseMinutes", releases.Select(r => Simulated((r.Finished ?? r.Started) - r.Started) / 60).DefaultIfEmpty().Average()),
            new("requests", summary.Total),
            new("requestsPerSecond", summary.Total / Math.Max(1e-9, (loadStopped - loadStarted).TotalSeconds)),
        ];
        return new StrategyResult(strategy, metrics, LoadTimeline.Buckets(all, bucketWidth), bucketWidth, [.. releases.Select(r => r.Cutover ?? r.Started)], timeScale);
    }

    /// <summary>Each release's cut-over and full shift (simulated seconds, null: never), for the progress output.</summary>
    public static IEnumerable<string> PerRelease(LoadTimeline timeline, IReadOnlyList<ReleaseRecord> releases, TimeSpan loadStarted, TimeSpan loadStopped, double timeScale)
    {
        var versions = releases.Select(r => r.Version).Prepend(ReleaseScenario.FirstVersion).ToHashSet(StringComparer.Ordinal);
        var all = Own(timeline.Samples(loadStarted, loadStopped), versions);
        string Simulated(TimeSpan? real) => real is { } r ? (r.TotalSeconds / timeScale).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "never";
        return releases.Select((r, i) => (r, Shift(all, r, i + 1 < releases.Count ? releases[i + 1].Started : loadStopped)))
            .Select(x => $"{x.r.Version}: cut-over {Simulated(x.Item2.First)} s, full shift {Simulated(x.Item2.Full)} s");
    }

    // An answer with a version the application never had came from a foreign server: a client that cached the address
    // of a deleted ALB reached whatever process on the machine took its port since. For the application it failed.
    private static List<LoadSample> Own(IReadOnlyList<LoadSample> samples, HashSet<string> versions) =>
        [.. samples.Select(s => s.Failed || s.Version is null || versions.Contains(s.Version) ? s : s with { Failure = LoadFailure.Other, Version = null })];

    // First: the first request on a new connection after the cut-over answered by the new version. Full: from when on
    // every request on a new connection (all clients, until `until`) was answered by the new version: the request after
    // the last one that failed or reached another version; null when there is no such request (the last one in the
    // window failed or reached another version). Counted over all clients' requests, so its resolution is the interval
    // between any two new-connection requests, not one client's pace.
    internal static (TimeSpan? First, TimeSpan? Full) Shift(IReadOnlyList<LoadSample> samples, ReleaseRecord release, TimeSpan until)
    {
        var cutover = release.Cutover ?? release.Started;
        var window = samples.Where(s => s.NewConnection && s.At >= cutover && s.At < until).OrderBy(s => s.At).ToList();
        bool OnNew(LoadSample s) => !s.Failed && s.Version == release.Version;
        var first = window.Where(OnNew).Select(s => (TimeSpan?)(s.At - cutover)).Min();
        var last = window.FindLastIndex(s => !OnNew(s));
        TimeSpan? full = last + 1 < window.Count ? window[last + 1].At - cutover : null;
        return (first, first is null ? null : full);
    }
}
