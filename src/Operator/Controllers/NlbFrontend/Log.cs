using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>Log messages of the NlbFrontend controller.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "NlbFrontend {Namespace}/{Name} deleted with deletion policy retain: its AWS objects are kept")]
    public static partial void Retained(ILogger logger, string? @namespace, string name);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "NlbFrontend {Namespace}/{Name}: every AWS object it owned is gone")]
    public static partial void Deleted(ILogger logger, string? @namespace, string name);
}
