namespace Ebops.Operator.Aws.Elbv2;

/// <summary>ELBv2 state strings and attribute keys (model enums, from the API reference).</summary>
public static class Elbv2Statuses
{
    // LoadBalancerStateEnum
    public const string LoadBalancerActive = "active";
    public const string LoadBalancerProvisioning = "provisioning";
    public const string LoadBalancerActiveImpaired = "active_impaired";
    public const string LoadBalancerFailed = "failed";

    // LoadBalancerTypeEnum / scheme / IP address type
    public const string TypeApplication = "application";
    public const string TypeNetwork = "network";
    public const string TypeGateway = "gateway";
    public const string SchemeInternetFacing = "internet-facing";
    public const string SchemeInternal = "internal";
    public const string IpAddressTypeIpv4 = "ipv4";

    // TargetHealthStateEnum
    public const string TargetInitial = "initial";
    public const string TargetHealthy = "healthy";
    public const string TargetUnhealthy = "unhealthy";
    public const string TargetUnhealthyDraining = "unhealthy.draining";
    public const string TargetUnused = "unused";
    public const string TargetDraining = "draining";
    public const string TargetUnavailable = "unavailable";

    // TargetTypeEnum, ProtocolEnum, ActionTypeEnum
    public const string TargetTypeInstance = "instance";
    public const string TargetTypeIp = "ip";
    public const string TargetTypeAlb = "alb";
    public const string TargetTypeLambda = "lambda";
    public const string ProtocolTcp = "TCP";
    public const string ProtocolHttp = "HTTP";
    public const string ProtocolHttps = "HTTPS";
    public const string ActionForward = "forward";

    // Limits from the API reference.
    /// <summary>DescribeTags takes at most 20 resource ARNs.</summary>
    public const int DescribeTagsMaxArns = 20;

    /// <summary>Weights of a weighted forward (ForwardConfig TargetGroupTuple.Weight): 0-999.</summary>
    public const int TargetGroupWeightMin = 0;
    public const int TargetGroupWeightMax = 999;

    // Attribute keys used by ebops.
    public const string AttributeDeregistrationDelay = "deregistration_delay.timeout_seconds";

    /// <summary>NLB target groups: close the connections still open to a target when its deregistration delay ends.</summary>
    public const string AttributeConnectionTermination = "deregistration_delay.connection_termination.enabled";
    public const string AttributeCrossZone = "load_balancing.cross_zone.enabled";
    public const string AttributeDeletionProtection = "deletion_protection.enabled";
}
