using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Ec2;

/// <summary>EC2 error codes used by the security-group, Elastic IP, VPC and tag calls.</summary>
public sealed class Ec2Errors : IAwsErrorClassifier
{
    public static readonly Ec2Errors Instance = new();

    public const string InvalidGroupNotFound = "InvalidGroup.NotFound";
    public const string InvalidGroupIdMalformed = "InvalidGroupId.Malformed";
    public const string InvalidGroupDuplicate = "InvalidGroup.Duplicate";
    public const string InvalidPermissionNotFound = "InvalidPermission.NotFound";
    public const string InvalidPermissionDuplicate = "InvalidPermission.Duplicate";
    public const string InvalidPermissionMalformed = "InvalidPermission.Malformed";
    public const string InvalidAllocationIdNotFound = "InvalidAllocationID.NotFound";
    public const string InvalidAddressNotFound = "InvalidAddress.NotFound";
    public const string InvalidAssociationIdNotFound = "InvalidAssociationID.NotFound";
    public const string InvalidVpcIdNotFound = "InvalidVpcID.NotFound";
    public const string InvalidSubnetIdNotFound = "InvalidSubnetID.NotFound";
    public const string InvalidIdMalformed = "InvalidID";
    public const string AddressLimitExceeded = "AddressLimitExceeded";
    public const string RulesPerSecurityGroupLimitExceeded = "RulesPerSecurityGroupLimitExceeded";
    public const string SecurityGroupLimitExceeded = "SecurityGroupLimitExceeded";
    public const string DependencyViolation = "DependencyViolation";
    public const string InvalidIpAddressInUse = "InvalidIPAddress.InUse";
    public const string IncorrectState = "IncorrectState";
    public const string DryRunOperation = "DryRunOperation";

    public AwsErrorKind Classify(string code, string message, int statusCode) => code switch
    {
        InvalidGroupNotFound or InvalidPermissionNotFound or InvalidAllocationIdNotFound or InvalidAddressNotFound
            or InvalidAssociationIdNotFound or InvalidVpcIdNotFound or InvalidSubnetIdNotFound => AwsErrorKind.NotFound,
        InvalidGroupDuplicate or InvalidPermissionDuplicate => AwsErrorKind.AlreadyExists,
        // Still attached to an ENI / associated somewhere: clears once the dependent resource is gone.
        DependencyViolation or InvalidIpAddressInUse or IncorrectState => AwsErrorKind.Conflict,
        InvalidGroupIdMalformed or InvalidPermissionMalformed or InvalidIdMalformed or AddressLimitExceeded
            or RulesPerSecurityGroupLimitExceeded or SecurityGroupLimitExceeded => AwsErrorKind.InvalidParameter,
        _ => AwsErrors.ClassifyCommon(code, statusCode),
    };
}
