using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws.Front;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "AWS simulator listening on {Endpoint} (region {Region}, time scale {TimeScale})")]
    public static partial void Listening(ILogger logger, Uri endpoint, string region, double timeScale);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "{Service} {Action} -> {StatusCode} {Outcome} ({RequestId})")]
    public static partial void Handled(ILogger logger, string service, string action, int statusCode, string outcome, string requestId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Rejected {Service} request: {Failure} for key {AccessKeyId}")]
    public static partial void AuthRejected(ILogger logger, string service, SigV4Failure failure, string accessKeyId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "{Service} {Action} failed inside the simulator ({RequestId})")]
    public static partial void HandlerCrashed(ILogger logger, Exception exception, string service, string action, string requestId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Injected {Kind} fault {RuleId} into {Service} {Action}")]
    public static partial void FaultInjected(ILogger logger, Core.FaultKind kind, string ruleId, string service, string action);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "Probe proxy: {Method} {Host}:{Port} via {Loopback} -> {StatusCode}")]
    public static partial void ProbeForwarded(ILogger logger, string method, string host, int port, System.Net.IPEndPoint loopback, int statusCode);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Probe proxy: nothing answers to {Host}:{Port} (simulated name: {Simulated})")]
    public static partial void ProbeUnresolved(ILogger logger, string host, int port, bool simulated);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Probe proxy: {Host}:{Port} via {Loopback} failed: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string host, int port, System.Net.IPEndPoint loopback, string reason);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Debug, Message = "Rate limit: {Service} {Action} throttled ({Bucket} bucket empty)")]
    public static partial void RateLimited(ILogger logger, string service, string action, string bucket);
}
