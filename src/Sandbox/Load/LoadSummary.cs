namespace Ebops.Sandbox.Load;

/// <summary>
/// What a window of a <see cref="LoadTimeline"/> saw: requests, failures (and their rate, and counts by kind), the
/// versions that answered, and the 50th and 99th latency percentiles of the answered requests (zero when none).
/// </summary>
public sealed record LoadSummary(
    long Total,
    long Failed,
    IReadOnlyDictionary<LoadFailure, long> FailuresByKind,
    IReadOnlyList<VersionSpan> Versions,
    TimeSpan P50,
    TimeSpan P99)
{
    public double FailedRate => Total == 0 ? 0 : (double)Failed / Total;

    /// <summary>Requests answered by <paramref name="version"/>.</summary>
    public long CountOf(string version) => Versions.FirstOrDefault(v => v.Version == version)?.Count ?? 0;
}
