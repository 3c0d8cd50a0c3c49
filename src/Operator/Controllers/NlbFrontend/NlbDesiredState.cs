using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>Pure: the desired AWS objects of an NlbFrontend, their names, and the spec field each managed setting comes from.</summary>
internal static class NlbDesiredState
{
    /// <summary>Keys of <c>ebops.io/adoption-fields</c> an NlbFrontend reads.</summary>
    public const string AdoptLoadBalancerName = "loadBalancerName";
    public const string AdoptBlueTargetGroupName = "blueTargetGroupName";
    public const string AdoptGreenTargetGroupName = "greenTargetGroupName";

    /// <summary>The health check timeout ebops sets: AWS's default for HTTP checks of network load balancers (6 s),
    /// kept below the interval as AWS requires.</summary>
    public static int HealthCheckTimeout(int intervalSeconds) => Math.Min(6, intervalSeconds - 1);

    public static IReadOnlyList<DeploymentColor> Colors { get; } = [DeploymentColor.Blue, DeploymentColor.Green];

    public static string ColorName(DeploymentColor color) => color == DeploymentColor.Blue ? "blue" : "green";

    public static string TargetGroupComponent(DeploymentColor color) => "target-group-" + ColorName(color);

    public static string LoadBalancerName(ResourceOwner owner, ObjectPolicy policy) =>
        policy.AdoptionField(AdoptLoadBalancerName) ?? Elbv2Names.LoadBalancer(owner);

    public static string TargetGroupName(ResourceOwner owner, ObjectPolicy policy, DeploymentColor color) =>
        policy.AdoptionField(color == DeploymentColor.Blue ? AdoptBlueTargetGroupName : AdoptGreenTargetGroupName)
        ?? Elbv2Names.TargetGroup(owner, ColorName(color));

    public static ElasticIpDesired ElasticIp(ResourceOwner owner, NlbSubnet subnet) => new(owner, subnet.SubnetId, subnet.AllocationId);

    /// <summary>The NLB with the Elastic IP of each subnet (<paramref name="allocations"/>: subnet id to allocation id).</summary>
    public static NetworkLoadBalancerDesired LoadBalancer(ResourceOwner owner, string name, NlbFrontendSpec spec, IReadOnlyDictionary<string, string> allocations, bool adopted) =>
        new(owner, name, [.. spec.Subnets.Select(s => new NlbSubnetMapping(s.SubnetId, allocations.TryGetValue(s.SubnetId, out var id) ? id : s.AllocationId ?? ""))], adopted);

    public static TargetGroupHealthCheck HealthCheck(NlbHealthCheck spec) => new(
        spec.Protocol == HealthCheckProtocol.Https ? "HTTPS" : "HTTP",
        spec.Path,
        spec.Port,
        spec.IntervalSeconds,
        HealthCheckTimeout(spec.IntervalSeconds),
        spec.HealthyThresholdCount,
        spec.UnhealthyThresholdCount,
        spec.Matcher);

    /// <summary>The <c>alb</c>-type group of <paramref name="color"/>: its port is the ALB listener's (AWS requires it).</summary>
    public static TargetGroupDesired TargetGroup(ResourceOwner owner, string name, DeploymentColor color, string vpcId, int albListenerPort, NlbFrontendSpec spec, bool adopted) =>
        new(owner, TargetGroupComponent(color), name, vpcId, albListenerPort, HealthCheck(spec.HealthCheck), spec.DeregistrationDelaySeconds, adopted);

    public static ListenerDesired Listener(ResourceOwner owner, string loadBalancerArn, NlbFrontendSpec spec, string blueTargetGroupArn, string? knownArn, bool adopted) =>
        new(owner, loadBalancerArn, spec.Listener.Port, blueTargetGroupArn, knownArn, adopted);

    /// <summary>The spec field a differing load balancer setting comes from.</summary>
    public static string LoadBalancerField(string field) => field switch
    {
        "Tags" => "metadata (ownership tags)",
        _ => "spec.subnets",
    };

    /// <summary>The spec field a differing target group setting comes from.</summary>
    public static string TargetGroupField(string field) => field switch
    {
        "HealthCheckProtocol" => "spec.healthCheck.protocol",
        "HealthCheckPath" => "spec.healthCheck.path",
        "HealthCheckPort" => "spec.healthCheck.port",
        "HealthCheckIntervalSeconds" or "HealthCheckTimeoutSeconds" => "spec.healthCheck.intervalSeconds",
        "HealthyThresholdCount" => "spec.healthCheck.healthyThresholdCount",
        "UnhealthyThresholdCount" => "spec.healthCheck.unhealthyThresholdCount",
        "Matcher" => "spec.healthCheck.matcher",
        "DeregistrationDelay" => "spec.deregistrationDelaySeconds",
        "Port" => "spec.backendRef (the BeanstalkApp's spec.loadBalancer.listenerPort)",
        "VpcId" => "spec.subnets",
        "Tags" => "metadata (ownership tags)",
        _ => "spec.healthCheck",
    };

    /// <summary>The spec field a differing listener setting comes from.</summary>
    public static string ListenerField(string field) => field switch
    {
        "Port" => "spec.listener.port",
        "Protocol" => "spec.listener.protocol",
        "ForwardRecord" => "listener default action (forward record)",
        _ => "metadata (ownership tags)",
    };

    /// <summary>The spec field of an Elastic IP setting.</summary>
    public static string ElasticIpField(NlbFrontendSpec spec, string subnetId)
    {
        var index = spec.Subnets.FindIndex(s => s.SubnetId == subnetId);
        return $"spec.subnets[{index}]" + (spec.Subnets[index].AllocationId is null ? ".allocate" : ".allocationId");
    }
}
