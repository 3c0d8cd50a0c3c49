using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Elbv2;

/// <summary>ELBv2 error codes (the API reference's error names; the wire code drops the <c>Exception</c> suffix).</summary>
public sealed class Elbv2Errors : IAwsErrorClassifier
{
    public static readonly Elbv2Errors Instance = new();

    public const string LoadBalancerNotFound = "LoadBalancerNotFound";
    public const string TargetGroupNotFound = "TargetGroupNotFound";
    public const string ListenerNotFound = "ListenerNotFound";
    public const string RuleNotFound = "RuleNotFound";
    public const string CertificateNotFound = "CertificateNotFound";
    public const string SubnetNotFound = "SubnetNotFound";
    public const string AllocationIdNotFound = "AllocationIdNotFound";
    public const string AvailabilityZoneNotSupported = "AvailabilityZoneNotSupported";
    public const string DuplicateLoadBalancerName = "DuplicateLoadBalancerName";
    public const string DuplicateTargetGroupName = "DuplicateTargetGroupName";
    public const string DuplicateListener = "DuplicateListener";
    public const string DuplicateTagKeys = "DuplicateTagKeys";
    public const string ResourceInUse = "ResourceInUse";
    public const string OperationNotPermitted = "OperationNotPermitted";
    public const string InvalidConfigurationRequest = "InvalidConfigurationRequest";
    public const string InvalidSubnet = "InvalidSubnet";
    public const string InvalidSecurityGroup = "InvalidSecurityGroup";
    public const string InvalidScheme = "InvalidScheme";
    public const string InvalidTarget = "InvalidTarget";
    public const string InvalidLoadBalancerAction = "InvalidLoadBalancerAction";
    public const string IncompatibleProtocols = "IncompatibleProtocols";
    public const string UnsupportedProtocol = "UnsupportedProtocol";
    public const string HealthUnavailable = "HealthUnavailable";
    public const string TargetGroupAssociationLimit = "TargetGroupAssociationLimit";
    public const string TooManyLoadBalancers = "TooManyLoadBalancers";
    public const string TooManyTargetGroups = "TooManyTargetGroups";
    public const string TooManyListeners = "TooManyListeners";
    public const string TooManyTargets = "TooManyTargets";
    public const string TooManyRegistrationsForTargetId = "TooManyRegistrationsForTargetId";
    public const string TooManyTags = "TooManyTags";
    public const string TooManyActions = "TooManyActions";

    public AwsErrorKind Classify(string code, string message, int statusCode) => code switch
    {
        LoadBalancerNotFound or TargetGroupNotFound or ListenerNotFound or RuleNotFound => AwsErrorKind.NotFound,
        DuplicateLoadBalancerName or DuplicateTargetGroupName or DuplicateListener => AwsErrorKind.AlreadyExists,
        // A target group still referenced by a listener being deleted; health not yet available.
        ResourceInUse or HealthUnavailable => AwsErrorKind.Conflict,
        CertificateNotFound or SubnetNotFound or AllocationIdNotFound or AvailabilityZoneNotSupported or DuplicateTagKeys
            or OperationNotPermitted or InvalidConfigurationRequest or InvalidSubnet or InvalidSecurityGroup
            or InvalidScheme or InvalidTarget or InvalidLoadBalancerAction or IncompatibleProtocols or UnsupportedProtocol
            or TargetGroupAssociationLimit or TooManyLoadBalancers or TooManyTargetGroups or TooManyListeners
            or TooManyTargets or TooManyRegistrationsForTargetId or TooManyTags or TooManyActions => AwsErrorKind.InvalidParameter,
        _ => AwsErrors.ClassifyCommon(code, statusCode),
    };
}
