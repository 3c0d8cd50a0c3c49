namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Requests an environment's load balancer served over the last <paramref name="DurationSeconds"/> (enhanced health
/// ApplicationMetrics): counts by status class and latency percentiles in seconds.
/// </summary>
public sealed record EbApplicationMetrics(
    int? DurationSeconds,
    int? RequestCount,
    int? Status2xx,
    int? Status3xx,
    int? Status4xx,
    int? Status5xx,
    double? P50,
    double? P90,
    double? P99)
{
    /// <summary>The share of requests answered with a 5xx, 0..1; null without requests.</summary>
    public double? ServerErrorRate => RequestCount is > 0 ? (double)(Status5xx ?? 0) / RequestCount.Value : null;

    internal static EbApplicationMetrics? From(Aws.ElasticBeanstalk.ApplicationMetrics? m) => m is null ? null : new(
        m.Duration, m.RequestCount, m.StatusCodes?.Status2xx, m.StatusCodes?.Status3xx, m.StatusCodes?.Status4xx, m.StatusCodes?.Status5xx,
        m.Latency?.P50, m.Latency?.P90, m.Latency?.P99);
}
