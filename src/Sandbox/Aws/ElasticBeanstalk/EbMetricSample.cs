using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>The ALB's cumulative counters and response-time histogram at one moment; two samples give the request
/// metrics of a window.</summary>
internal sealed record EbMetricSample(DateTimeOffset At, long Requests, long Status2xx, long Status3xx, long Status4xx, long Status5xx, TimeSpan Latency, LatencyDistribution Latencies);
