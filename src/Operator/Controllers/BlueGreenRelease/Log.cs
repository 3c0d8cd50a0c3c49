using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>BlueGreenRelease log messages: names, phases and AWS calls, never option values or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(6401, LogLevel.Information, "BlueGreenRelease {Namespace}/{Name}: release {ReleaseNumber} in {Phase}: {Action}")]
    public static partial void Acting(ILogger logger, string? @namespace, string name, int? releaseNumber, string? phase, string action);

    [LoggerMessage(6402, LogLevel.Debug, "BlueGreenRelease {Namespace}/{Name}: {Phase}, waiting {Delay}: {Message}")]
    public static partial void Waiting(ILogger logger, string? @namespace, string name, string? phase, TimeSpan? delay, string? message);

    [LoggerMessage(6403, LogLevel.Information, "BlueGreenRelease {Namespace}/{Name}: {Reason} signal {Signal} from {By}")]
    public static partial void SignalConsumed(ILogger logger, string? @namespace, string name, string reason, string signal, string by);

    [LoggerMessage(6404, LogLevel.Information, "BlueGreenRelease {Namespace}/{Name}: paused or dry run; would {Action}")]
    public static partial void Withheld(ILogger logger, string? @namespace, string name, string action);

    [LoggerMessage(6405, LogLevel.Information, "BlueGreenRelease {Namespace}/{Name} deleted: {Message}")]
    public static partial void Finalized(ILogger logger, string? @namespace, string name, string? message);

    [LoggerMessage(6406, LogLevel.Debug, "BlueGreenRelease gate check {Check} of {EnvironmentName} inconclusive: {Error}")]
    public static partial void CheckInconclusive(ILogger logger, string check, string environmentName, string error);

    [LoggerMessage(6407, LogLevel.Warning, "BlueGreenRelease {Namespace}/{Name}: could not record the switch on NlbFrontend {Frontend}")]
    public static partial void SwitchNotRecorded(ILogger logger, Exception exception, string? @namespace, string name, string frontend);
}
