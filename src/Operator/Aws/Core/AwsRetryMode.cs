namespace Ebops.Operator.Aws.Core;

/// <summary>Retry behaviour, named as in the AWS SDKs' <c>retry_mode</c> setting.</summary>
public enum AwsRetryMode
{
    /// <summary>Exponential backoff with full jitter for throttling, 5xx, timeouts and connection failures.</summary>
    Standard,

    /// <summary>Standard plus a client-side token bucket that slows the send rate down after throttling.</summary>
    Adaptive,
}
