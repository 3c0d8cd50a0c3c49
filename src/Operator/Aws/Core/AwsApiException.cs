namespace Ebops.Operator.Aws.Core;

/// <summary>
/// The one exception the AWS layer throws for a failed call (after retries). The message never contains request
/// parameters, and sensitive values echoed by a server are masked before they get here.
/// </summary>
public sealed class AwsApiException(
    string service,
    string operation,
    string code,
    string errorMessage,
    string? requestId,
    int statusCode,
    AwsErrorKind kind,
    Exception? inner = null)
    : Exception($"{service} {operation} failed: {code} (HTTP {statusCode}{(requestId is null ? "" : ", request " + requestId)}): {errorMessage}", inner)
{
    /// <summary>Service key (<see cref="AwsService.Key"/>).</summary>
    public string Service { get; } = service;

    public string Operation { get; } = operation;

    /// <summary>AWS error code (<c>DBInstanceNotFound</c>), or <c>NetworkError</c> when there was no response.</summary>
    public string Code { get; } = code;

    /// <summary>AWS's own message, with sensitive values masked.</summary>
    public string ErrorMessage { get; } = errorMessage;

    public string? RequestId { get; } = requestId;

    /// <summary>HTTP status; 0 when there was no response.</summary>
    public int StatusCode { get; } = statusCode;

    public AwsErrorKind Kind { get; } = kind;

    public bool IsNotFound => Kind == AwsErrorKind.NotFound;

    public bool IsAlreadyExists => Kind == AwsErrorKind.AlreadyExists;

    public bool IsThrottled => Kind == AwsErrorKind.Throttled;

    /// <summary>True when retrying the same request cannot help (invalid parameter, access denied).</summary>
    public bool IsTerminal => Kind is AwsErrorKind.InvalidParameter or AwsErrorKind.AccessDenied;

    public const string NetworkErrorCode = "NetworkError";
}
