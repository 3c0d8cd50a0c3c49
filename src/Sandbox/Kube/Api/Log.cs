using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube.Api;

internal static partial class Log
{
    [LoggerMessage(5, LogLevel.Debug, "{Method} {Path} -> {Status}")]
    public static partial void Request(ILogger logger, string method, string path, int status);

    [LoggerMessage(6, LogLevel.Error, "Unhandled error for {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);
}
