using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Rds;

/// <summary>RDS resource log messages: identifiers, names and field names only, never values of sensitive fields.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Created {ResourceType} {Name}")]
    public static partial void Created(ILogger logger, string resourceType, string name);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Took over {ResourceType} {Name}, found with its ownership tags")]
    public static partial void TakenOver(ILogger logger, string resourceType, string name);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Updated {ResourceType} {Name}: {Delta}")]
    public static partial void Updated(ILogger logger, string resourceType, string name, string delta);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Adopted {ResourceType} {Name}")]
    public static partial void Adopted(ILogger logger, string resourceType, string name);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Deleted {ResourceType} {Name}")]
    public static partial void Deleted(ILogger logger, string resourceType, string name);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Information, Message = "Rebooting DB instance {Identifier} to apply its parameter group")]
    public static partial void Rebooting(ILogger logger, string identifier);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Information, Message = "Changed the master password of DB instance {Identifier}")]
    public static partial void PasswordChanged(ILogger logger, string identifier);

    [LoggerMessage(EventId = 6208, Level = LogLevel.Information, Message = "Deleting DB instance {Identifier} with final snapshot {Snapshot}")]
    public static partial void DeletingWithSnapshot(ILogger logger, string identifier, string snapshot);

    [LoggerMessage(EventId = 6209, Level = LogLevel.Warning, Message = "Deleting DB instance {Identifier} WITHOUT a final snapshot (spec.deletion.finalSnapshot: false)")]
    public static partial void DeletingWithoutSnapshot(ILogger logger, string identifier);
}
