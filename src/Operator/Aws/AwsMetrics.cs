using Prometheus;

namespace Ebops.Operator.Aws;

/// <summary>Prometheus metrics for every AWS call (default registry). Labels never carry request parameters.</summary>
public static class AwsMetrics
{
    public const string Success = "success";
    public const string Throttled = "throttled";
    public const string ClientError = "client_error";
    public const string ServerError = "server_error";
    public const string NetworkError = "network_error";

    public static readonly Counter Calls = Metrics.CreateCounter(
        "ebops_aws_api_calls_total", "AWS API calls by final outcome (after retries).",
        new CounterConfiguration { LabelNames = ["service", "operation", "outcome"] });

    public static readonly Histogram Duration = Metrics.CreateHistogram(
        "ebops_aws_api_call_duration_seconds", "AWS API call duration including retries.",
        new HistogramConfiguration { LabelNames = ["service", "operation"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });

    public static readonly Counter Retries = Metrics.CreateCounter(
        "ebops_aws_retries_total", "AWS API attempts after the first.",
        new CounterConfiguration { LabelNames = ["service", "operation"] });
}
