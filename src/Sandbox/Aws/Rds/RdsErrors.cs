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
    public const string InvalidSnapshotState = "InvalidDBSnapshotState";
    public const string SubnetGroupNotFound = "DBSubnetGroupNotFoundFault";
    public const string SubnetGroupAlreadyExists = "DBSubnetGroupAlreadyExists";
    public const string SubnetGroupNotEnoughAzs = "DBSubnetGroupDoesNotCoverEnoughAZs";
    public const string InvalidSubnetGroupState = "InvalidDBSubnetGroupStateFault";
    public const string SubnetAlreadyInUse = "SubnetAlreadyInUse";
    public const string InvalidSubnet = "InvalidSubnet";

    public static AwsSimException InstanceMissing(string id) => new(InstanceNotFound, $"DBInstance {id} not found.", 404);

    public static AwsSimException ParameterGroupMissing(string name) =>
        new(ParameterGroupNotFound, $"DBParameterGroup not found: {name}", 404);

    public static AwsSimException SnapshotMissing(string id) => new(SnapshotNotFound, $"DBSnapshot not found: {id}", 404);

    public static AwsSimException SubnetGroupMissing(string name) =>
        new(SubnetGroupNotFound, $"DB subnet group '{name}' does not exist.", 404);

    public static AwsSimException NotAvailable(string id) =>
        new(InvalidInstanceState, $"Database instance is not in available state. (instance {id})");

    /// <summary>A class no engine in the region offers.</summary>
    public static AwsSimException InvalidClass(string instanceClass) => SimErrors.Invalid($"Invalid DB Instance class: {instanceClass}");

    /// <summary>A class the region offers, but not for this engine version.</summary>
    public static AwsSimException UnsupportedCombination(string instanceClass, RdsEngineVersion version) =>
        Combination("RDS does not support creating a DB instance with the following combination: " +
            $"DBInstanceClass={instanceClass}, Engine={version.Engine}, EngineVersion={version.Version}, LicenseModel={version.LicenseModel}. " +
            "For supported combinations of instance class and database engine version, see the documentation.");

    public static AwsSimException VersionNotFound(string version, string engine) => Combination($"Cannot find version {version} for {engine}");

    public static AwsSimException InvalidFamily(string family) =>
        SimErrors.Invalid($"ParameterGroupFamily {family} is not a valid parameter group family");

    public static AwsSimException FamilyMismatch(RdsParameterGroup group, string family) =>
        Combination($"The parameter group {group.Name} with DBParameterGroupFamily {group.Family} can't be used for this instance. " +
            $"Use a parameter group with DBParameterGroupFamily {family}.");

    public static AwsSimException ParameterMissing(string name) => SimErrors.Invalid($"Could not find parameter with name: {name}");

    public static AwsSimException ParameterNotModifiable(string name) => SimErrors.Invalid($"The parameter {name} cannot be modified.");

    public static AwsSimException StaticImmediate() => Combination("cannot use immediate apply method for static parameter");

    public static AwsSimException Combination(string message) => new(SimErrors.InvalidParameterCombination, message);
}
