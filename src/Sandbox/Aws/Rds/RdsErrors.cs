using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>RDS error codes (as AWS spells them) and the messages AWS returns with them.</summary>
internal static class RdsErrors
{
    public const string InstanceNotFound = "DBInstanceNotFound";
    public const string InstanceAlreadyExists = "DBInstanceAlreadyExists";
    public const string InvalidInstanceState = "InvalidDBInstanceState";
    public const string ParameterGroupNotFound = "DBParameterGroupNotFound";
    public const string ParameterGroupAlreadyExists = "DBParameterGroupAlreadyExists";
    public const string InvalidParameterGroupState = "InvalidDBParameterGroupState";
    public const string SnapshotNotFound = "DBSnapshotNotFound";
    public const string SnapshotAlreadyExists = "DBSnapshotAlreadyExists";
    public const string SubnetGroupNotFound = "DBSubnetGroupNotFoundFault";
    public const string SubnetGroupAlreadyExists = "DBSubnetGroupAlreadyExists";
    public const string SubnetGroupNotEnoughAzs = "DBSubnetGroupDoesNotCoverEnoughAZs";
    public const string InvalidSubnet = "InvalidSubnet";
    public const string InvalidVpcNetworkState = "InvalidVPCNetworkStateFault";

    public static AwsSimException InstanceMissing(string id) => new(InstanceNotFound, $"DBInstance {id} not found.", 404);

    public static AwsSimException ParameterGroupMissing(string name) =>
        new(ParameterGroupNotFound, $"DBParameterGroup not found: {name}", 404);

    public static AwsSimException SnapshotMissing(string id) => new(SnapshotNotFound, $"DBSnapshot not found: {id}", 404);

    public static AwsSimException SubnetGroupMissing(string name) =>
        new(SubnetGroupNotFound, $"DB subnet group '{name}' does not exist.", 404);

    public static AwsSimException NotAvailable(string id) =>
        new(InvalidInstanceState, $"Database instance is not in available state. (instance {id})");
}
