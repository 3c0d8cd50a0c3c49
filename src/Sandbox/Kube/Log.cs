using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Kubernetes API emulator listening on {Address}")]
    public static partial void Listening(ILogger logger, Uri address);
}
