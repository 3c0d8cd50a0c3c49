using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Aws;

/// <summary>AWS layer log messages. Never given request parameters: only names, codes, ids and timings.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug,
        Message = "AWS {Service} {Operation} succeeded in {DurationMs} ms after {Attempts} attempt(s), request {RequestId}")]
    public static partial void CallSucceeded(ILogger logger, string service, string operation, double durationMs, int attempts, string? requestId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "AWS {Service} {Operation} failed with {ErrorCode} ({Kind}, HTTP {StatusCode}) in {DurationMs} ms after {Attempts} attempt(s), request {RequestId}: {ErrorMessage}")]
    public static partial void CallFailed(ILogger logger, string service, string operation, string errorCode, Core.AwsErrorKind kind,
        int statusCode, double durationMs, int attempts, string? requestId, string errorMessage);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug,
        Message = "AWS {Service} {Operation} attempt {Attempt} failed with {ErrorCode} (HTTP {StatusCode}), request {RequestId}")]
    public static partial void AttemptFailed(ILogger logger, string service, string operation, int attempt, string errorCode, int statusCode, string? requestId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug,
        Message = "AWS {Service} {Operation}: not found ({ErrorCode}, HTTP {StatusCode}) in {DurationMs} ms, request {RequestId}")]
    public static partial void CallNotFound(ILogger logger, string service, string operation, string errorCode, int statusCode, double durationMs, string? requestId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
        Message = "AWS {Service} {Operation} throttled: client-side send rate of {Operation} now {FillRate:F2}/s")]
    public static partial void RateLowered(ILogger logger, string service, string operation, double fillRate);
}
