using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube.Storage;

internal static partial class Log
{
    [LoggerMessage(2, LogLevel.Information, "Serving {GroupResource} {Version}")]
    public static partial void CrdServed(ILogger logger, string groupResource, string version);

    [LoggerMessage(3, LogLevel.Warning, "{Kind} {Version}: CEL rule not evaluated by the emulator: {Rule}")]
    public static partial void UnsupportedRule(ILogger logger, string kind, string version, string rule);

    [LoggerMessage(4, LogLevel.Information, "CRD {Name} deleted; its objects were removed")]
    public static partial void CrdRemoved(ILogger logger, string name);
}
