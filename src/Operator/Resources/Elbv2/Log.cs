using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>Log messages of the ELBv2 managers: names, ARNs and settings only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Created network load balancer {LoadBalancerName} ({LoadBalancerArn})")]
    public static partial void LoadBalancerCreated(ILogger logger, string loadBalancerName, string loadBalancerArn);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Deleting load balancer {LoadBalancerArn}")]
    public static partial void LoadBalancerDeleting(ILogger logger, string loadBalancerArn);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Created target group {TargetGroupName} ({TargetGroupArn})")]
    public static partial void TargetGroupCreated(ILogger logger, string targetGroupName, string targetGroupArn);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Updated target group {TargetGroupArn}: {Fields}")]
    public static partial void TargetGroupUpdated(ILogger logger, string targetGroupArn, string fields);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Deleting target group {TargetGroupArn}")]
    public static partial void TargetGroupDeleting(ILogger logger, string targetGroupArn);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Registered {TargetId} port {Port} in target group {TargetGroupArn}")]
    public static partial void TargetRegistered(ILogger logger, string targetId, int? port, string targetGroupArn);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "Deregistered {TargetId} from target group {TargetGroupArn}")]
    public static partial void TargetDeregistered(ILogger logger, string targetId, string targetGroupArn);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "Created listener {ListenerArn} on port {Port} forwarding {Forward}")]
    public static partial void ListenerCreated(ILogger logger, string listenerArn, int port, string forward);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Listener {ListenerArn} now forwards {Forward}")]
    public static partial void ListenerForwarded(ILogger logger, string listenerArn, string forward);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Updated listener {ListenerArn}: {Fields}")]
    public static partial void ListenerUpdated(ILogger logger, string listenerArn, string fields);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Deleting listener {ListenerArn}")]
    public static partial void ListenerDeleting(ILogger logger, string listenerArn);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Tagged {ResourceArn} with {Keys}")]
    public static partial void Tagged(ILogger logger, string resourceArn, string keys);
}
