using Prometheus;

namespace Ebops.Operator.Aws;

/// <summary>
/// AWS call metrics. <see cref="Default"/> lives on prometheus-net's default registry (served on /metrics); a test or
/// a benchmark passes its own instance to the client factory to count only its own calls.
/// </summary>
public sealed class AwsMetrics
{
    public const string Success = "success";
    public const string Throttled = "throttled";
    public const string ClientError = "client_error";
    public const string ServerError = "server_error";
    public const string NetworkError = "network_error";

    public static AwsMetrics Default { get; } = new(Metrics.DefaultRegistry);

    public AwsMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        Calls = factory.CreateCounter(
            "ebops_aws_api_calls_total", "AWS API calls by final outcome (after retries).",
            new CounterConfiguration { LabelNames = ["service", "operation", "outcome"] });
        Duration = factory.CreateHistogram(
            "ebops_aws_api_call_duration_seconds", "AWS API call duration including retries.",
            new HistogramConfiguration { LabelNames = ["service", "operation"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });
        Retries = factory.CreateCounter(
            "ebops_aws_retries_total", "AWS API attempts after the first.",
            new CounterConfiguration { LabelNames = ["service", "operation"] });
    }

    /// <summary>A fresh instance on its own registry.</summary>
    public static AwsMetrics Isolated() => new(Metrics.NewCustomRegistry());

    public Counter Calls { get; }

    public Histogram Duration { get; }

    public Counter Retries { get; }
}
