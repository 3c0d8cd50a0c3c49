namespace Ebops.Operator.Aws.Core;

/// <summary>What an AWS error means to a caller; the per-service <c>*Errors</c> classes map codes to these.</summary>
public enum AwsErrorKind
{
    /// <summary>Not classified: treat as a transient failure and retry later with backoff.</summary>
    Other,

    /// <summary>The named resource does not exist (a read returns null; a delete is done).</summary>
    NotFound,

    /// <summary>A create found the resource already there (look it up and adopt or report).</summary>
    AlreadyExists,

    /// <summary>Throttled even after the client's retries; requeue later.</summary>
    Throttled,

    /// <summary>The request can never succeed as written: terminal until the spec changes.</summary>
    InvalidParameter,

    /// <summary>The resource is in a state that does not allow the operation now (modifying, in use): retry later.</summary>
    Conflict,

    /// <summary>Credentials or permissions are wrong: terminal until configuration changes.</summary>
    AccessDenied,

    /// <summary>5xx from AWS after retries.</summary>
    ServerError,

    /// <summary>No HTTP response (connection failure, timeout) after retries.</summary>
    Network,
}
