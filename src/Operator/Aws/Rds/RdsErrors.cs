using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Rds;

/// <summary>
/// RDS error codes. <c>InvalidDBInstanceState</c> (and the other Invalid*State codes) mean "not now": the instance is
/// modifying, rebooting or backing up, so they are <see cref="AwsErrorKind.Conflict"/> (retry later), not terminal.
/// </summary>
public sealed class RdsErrors : IAwsErrorClassifier
{
    public static readonly RdsErrors Instance = new();

    public const string DBInstanceNotFound = "DBInstanceNotFound";
    public const string DBParameterGroupNotFound = "DBParameterGroupNotFound";
    public const string DBSubnetGroupNotFound = "DBSubnetGroupNotFoundFault";
    public const string DBSnapshotNotFound = "DBSnapshotNotFound";
    public const string DBSecurityGroupNotFound = "DBSecurityGroupNotFound";
    public const string DBClusterNotFound = "DBClusterNotFoundFault";
    public const string OptionGroupNotFound = "OptionGroupNotFoundFault";
    public const string DBInstanceAlreadyExists = "DBInstanceAlreadyExists";
    public const string DBParameterGroupAlreadyExists = "DBParameterGroupAlreadyExists";
    public const string DBSubnetGroupAlreadyExists = "DBSubnetGroupAlreadyExists";
    public const string DBSnapshotAlreadyExists = "DBSnapshotAlreadyExists";
    public const string InvalidDBInstanceState = "InvalidDBInstanceState";
    public const string InvalidDBParameterGroupState = "InvalidDBParameterGroupState";
    public const string InvalidDBSubnetGroupState = "InvalidDBSubnetGroupStateFault";
    public const string InvalidDBSnapshotState = "InvalidDBSnapshotState";
    public const string InvalidVPCNetworkState = "InvalidVPCNetworkStateFault";
    public const string InvalidSubnet = "InvalidSubnet";
    public const string DBSubnetGroupDoesNotCoverEnoughAZs = "DBSubnetGroupDoesNotCoverEnoughAZs";
    public const string InsufficientDBInstanceCapacity = "InsufficientDBInstanceCapacity";
    public const string InstanceQuotaExceeded = "InstanceQuotaExceeded";
    public const string StorageQuotaExceeded = "StorageQuotaExceeded";
    public const string DBParameterGroupQuotaExceeded = "DBParameterGroupQuotaExceeded";
    public const string DBSubnetGroupQuotaExceeded = "DBSubnetGroupQuotaExceeded";
    public const string SnapshotQuotaExceeded = "SnapshotQuotaExceeded";
    public const string StorageTypeNotSupported = "StorageTypeNotSupported";
    public const string KMSKeyNotAccessible = "KMSKeyNotAccessibleFault";
    public const string AuthorizationNotFound = "AuthorizationNotFound";

    public AwsErrorKind Classify(string code, string message, int statusCode) => code switch
    {
        DBInstanceNotFound or DBParameterGroupNotFound or DBSubnetGroupNotFound or DBSnapshotNotFound
            or DBSecurityGroupNotFound or DBClusterNotFound => AwsErrorKind.NotFound,
        DBInstanceAlreadyExists or DBParameterGroupAlreadyExists or DBSubnetGroupAlreadyExists
            or DBSnapshotAlreadyExists => AwsErrorKind.AlreadyExists,
        InvalidDBInstanceState or InvalidDBParameterGroupState or InvalidDBSubnetGroupState or InvalidDBSnapshotState
            or InsufficientDBInstanceCapacity => AwsErrorKind.Conflict,
        OptionGroupNotFound or InvalidVPCNetworkState or InvalidSubnet or DBSubnetGroupDoesNotCoverEnoughAZs
            or InstanceQuotaExceeded or StorageQuotaExceeded or DBParameterGroupQuotaExceeded
            or DBSubnetGroupQuotaExceeded or SnapshotQuotaExceeded or StorageTypeNotSupported
            or KMSKeyNotAccessible or AuthorizationNotFound => AwsErrorKind.InvalidParameter,
        _ => AwsErrors.ClassifyCommon(code, statusCode),
    };
}
