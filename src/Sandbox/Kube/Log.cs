using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Kubernetes API emulator listening on {Address}")]
    public static partial void Listening(ILogger logger, Uri address);

    [LoggerMessage(2, LogLevel.Information, "Serving {GroupResource} {Version}")]
    public static partial void CrdServed(ILogger logger, string groupResource, string version);

    [LoggerMessage(3, LogLevel.Warning, "{Kind} {Version}: CEL rule not evaluated by the emulator: {Rule}")]
    public static partial void UnsupportedRule(ILogger logger, string kind, string version, string rule);

    [LoggerMessage(4, LogLevel.Information, "CRD {Name} deleted; its objects were removed")]
    public static partial void CrdRemoved(ILogger logger, string name);

    [LoggerMessage(5, LogLevel.Debug, "{Method} {Path} -> {Status}")]
    public static partial void Request(ILogger logger, string method, string path, int status);

    [LoggerMessage(6, LogLevel.Error, "Unhandled error for {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);
}
