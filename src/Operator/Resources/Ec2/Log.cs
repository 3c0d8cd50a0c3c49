using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Ec2;

/// <summary>EC2 resource log messages: ids, names and rule keys only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Created security group {GroupId} ({GroupName}) in {VpcId}")]
    public static partial void SecurityGroupCreated(ILogger logger, string groupId, string groupName, string vpcId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Took over security group {GroupId} ({GroupName}) found by its ownership tags")]
    public static partial void SecurityGroupTakenOver(ILogger logger, string groupId, string groupName);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Security group {GroupId}: authorized {Added}, revoked {Removed}")]
    public static partial void SecurityGroupRulesChanged(ILogger logger, string groupId, string added, string removed);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Tagged security group {GroupId} with the ownership tags (adopted: {Adopted})")]
    public static partial void SecurityGroupTagged(ILogger logger, string groupId, bool adopted);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Deleted security group {GroupId}")]
    public static partial void SecurityGroupDeleted(ILogger logger, string groupId);
}
