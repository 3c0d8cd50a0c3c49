using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>BeanstalkApp controller log messages: names, spec fields and ids, never option values.</summary>
internal static partial class Log
{
    [LoggerMessage(6201, LogLevel.Information, "BeanstalkApp {Namespace}/{Name}: AWS differs from the spec in {Fields}; correcting")]
    public static partial void DriftDetected(ILogger logger, string @namespace, string name, string fields);

    [LoggerMessage(6202, LogLevel.Information, "BeanstalkApp {Namespace}/{Name}: applied {Fields}")]
    public static partial void Applied(ILogger logger, string @namespace, string name, string fields);

    [LoggerMessage(6203, LogLevel.Information, "BeanstalkApp {Namespace}/{Name}: waiting: {Reason}")]
    public static partial void Waiting(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(6204, LogLevel.Information, "BeanstalkApp {Namespace}/{Name}: paused; differs: {Fields}")]
    public static partial void Paused(ILogger logger, string @namespace, string name, string fields);

    [LoggerMessage(6205, LogLevel.Warning, "BeanstalkApp {Namespace}/{Name}: deletion refused: environments {Environments} are running")]
    public static partial void DeletionRefused(ILogger logger, string @namespace, string name, string environments);

    [LoggerMessage(6206, LogLevel.Information, "BeanstalkApp {Namespace}/{Name}: deleting: {Step}")]
    public static partial void Deleting(ILogger logger, string @namespace, string name, string step);

    [LoggerMessage(6207, LogLevel.Information, "BeanstalkApp {Namespace}/{Name}: AWS objects left in place ({Why})")]
    public static partial void Retained(ILogger logger, string @namespace, string name, string why);
}
