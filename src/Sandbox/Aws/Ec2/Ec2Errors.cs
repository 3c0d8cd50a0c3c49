using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>EC2's error codes and messages, as AWS spells them.</summary>
internal static class Ec2Errors
{
    public const string GroupNotFound = "InvalidGroup.NotFound";
    public const string GroupDuplicate = "InvalidGroup.Duplicate";
    public const string GroupReserved = "InvalidGroup.Reserved";
    public const string GroupIdMalformed = "InvalidGroupId.Malformed";
    public const string PermissionDuplicate = "InvalidPermission.Duplicate";
    public const string PermissionNotFound = "InvalidPermission.NotFound";
    public const string PermissionMalformed = "InvalidPermission.Malformed";
    public const string AllocationNotFound = "InvalidAllocationID.NotFound";
    public const string AddressNotFound = "InvalidAddress.NotFound";
    public const string AddressInUse = "InvalidIPAddress.InUse";
    public const string AlreadyAssociated = "Resource.AlreadyAssociated";
    public const string SubnetNotFound = "InvalidSubnetID.NotFound";
    public const string VpcNotFound = "InvalidVpcID.NotFound";
    public const string DependencyViolation = "DependencyViolation";
    public const string CannotDelete = "CannotDelete";
    public const string InvalidId = "InvalidID";

    public static AwsSimException GroupMissing(string groupId) =>
        new(GroupNotFound, $"The security group '{groupId}' does not exist");

    public static AwsSimException AllocationMissing(string allocationId) =>
        new(AllocationNotFound, $"The allocation ID '{allocationId}' does not exist");

    public static AwsSimException SubnetMissing(string subnetId) =>
        new(SubnetNotFound, $"The subnet ID '{subnetId}' does not exist");

    public static AwsSimException VpcMissing(string vpcId) =>
        new(VpcNotFound, $"The vpc ID '{vpcId}' does not exist");
}
