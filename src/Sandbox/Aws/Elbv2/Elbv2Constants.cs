namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>ELBv2 (2015-12-01) wire constants: namespace, states, types, defaults and error codes.</summary>
internal static class Elbv2Constants
{
    public const string SigningName = "elasticloadbalancing";
    public const string ApiVersion = "2015-12-01";
    public const string XmlNamespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public const string Application = "application";
    public const string Network = "network";
    public const string InternetFacing = "internet-facing";
    public const string Internal = "internal";

    public const string Provisioning = "provisioning";
    public const string Active = "active";

    public const string TargetTypeInstance = "instance";
    public const string TargetTypeIp = "ip";
    public const string TargetTypeAlb = "alb";
    public const string TargetTypeLambda = "lambda";

    public const string TrafficPort = "traffic-port";
    public const string Forward = "forward";
    public const string FixedResponse = "fixed-response";

    /// <summary>Route 53 hosted zone ids of ELB DNS names in ap-northeast-2 (ALB, NLB).</summary>
    public const string AlbHostedZoneId = "ZWKZPGTI48KDX";
    public const string NlbHostedZoneId = "ZIBE1TIR4HY56";

    /// <summary>Realistic time from CreateLoadBalancer to active.</summary>
    public static readonly TimeSpan ProvisioningTime = TimeSpan.FromMinutes(3);

    public const int MaxTagsPerResource = 50;
    public const int MaxPageSize = 400;

    public static class Errors
    {
        public const string ValidationError = "ValidationError";
        public const string InvalidAction = "InvalidAction";
        public const string LoadBalancerNotFound = "LoadBalancerNotFound";
        public const string TargetGroupNotFound = "TargetGroupNotFound";
        public const string ListenerNotFound = "ListenerNotFound";
        public const string DuplicateLoadBalancerName = "DuplicateLoadBalancerName";
        public const string DuplicateTargetGroupName = "DuplicateTargetGroupName";
        public const string DuplicateListener = "DuplicateListener";
        public const string DuplicateTagKeys = "DuplicateTagKeys";
        public const string InvalidConfigurationRequest = "InvalidConfigurationRequest";
        public const string InvalidSubnet = "InvalidSubnet";
        public const string SubnetNotFound = "SubnetNotFound";
        public const string InvalidSecurityGroup = "InvalidSecurityGroup";
        public const string AllocationIdNotFound = "AllocationIdNotFound";
        public const string ResourceInUse = "ResourceInUse";
        public const string OperationNotPermitted = "OperationNotPermitted";
        public const string TooManyTargets = "TooManyTargets";
        public const string TooManyTags = "TooManyTags";
        public const string TooManyRegistrationsForTargetId = "TooManyRegistrationsForTargetId";
        public const string InvalidTarget = "InvalidTarget";
        public const string IncompatibleProtocols = "IncompatibleProtocols";
        public const string TargetGroupAssociationLimit = "TargetGroupAssociationLimit";
        public const string InvalidLoadBalancerAction = "InvalidLoadBalancerAction";
        public const string UnsupportedProtocol = "UnsupportedProtocol";
    }
}
