using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary>
/// One strategy's figures (camelCase metric name → value; null where a figure does not exist, e.g. a shift that never
/// completed) with the per-second traffic for the chart and the cut-over moments, both on the simulated time axis.
/// </summary>
internal sealed record StrategyResult(
    string Strategy,
    IReadOnlyList<KeyValuePair<string, double?>> Metrics,
    IReadOnlyList<LoadBucket> Buckets,
    TimeSpan BucketWidth,
    IReadOnlyList<TimeSpan> Cutovers,
    double TimeScale);
