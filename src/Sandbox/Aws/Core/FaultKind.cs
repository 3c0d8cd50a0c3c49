namespace Ebops.Sandbox.Aws.Core;

/// <summary>What a <see cref="FaultRule"/> does to the calls it matches.</summary>
public enum FaultKind
{
    /// <summary>Fail with the service's throttling error (Throttling 400, EC2 RequestLimitExceeded 503, S3 SlowDown 503).</summary>
    Throttle,

    /// <summary>Fail with the service's internal error (InternalFailure 500, EC2/S3 InternalError 500).</summary>
    ServerError,

    /// <summary>Delay the call (TimeProvider-aware), then run it normally.</summary>
    Latency,

    /// <summary>Fail every matching call with 503 (ServiceUnavailable, EC2 Unavailable) inside the rule's time window.</summary>
    Outage,
}
