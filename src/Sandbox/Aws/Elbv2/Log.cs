using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws.Elbv2;

internal static partial class Log
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Load balancer {LoadBalancerName} ({Type}) created as {DnsName}")]
    public static partial void LoadBalancerCreated(ILogger logger, string loadBalancerName, string type, string dnsName);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Load balancer {LoadBalancerArn} deleted")]
    public static partial void LoadBalancerDeleted(ILogger logger, string loadBalancerArn);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Listener {Protocol}:{Port} of {LoadBalancerName} serves on {Loopback}")]
    public static partial void ListenerStarted(ILogger logger, string protocol, int port, string loadBalancerName, System.Net.IPEndPoint loopback);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Listener {ListenerArn} now forwards new connections to {TargetGroupWeights}")]
    public static partial void ListenerSwitched(ILogger logger, string listenerArn, string? targetGroupWeights);
}
