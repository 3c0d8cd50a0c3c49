namespace Ebops.Operator.Aws.Rds;

/// <summary>RDS status strings (from the API reference; the model has no enums for them).</summary>
public static class RdsStatuses
{
    // DBInstanceStatus
    public const string Available = "available";
    public const string BackingUp = "backing-up";
    public const string Creating = "creating";
    public const string Deleting = "deleting";
    public const string Failed = "failed";
    public const string Modifying = "modifying";
    public const string Rebooting = "rebooting";
    public const string Starting = "starting";
    public const string Stopped = "stopped";
    public const string Stopping = "stopping";
    public const string StorageOptimization = "storage-optimization";
    public const string ConfiguringEnhancedMonitoring = "configuring-enhanced-monitoring";
    public const string ConfiguringLogExports = "configuring-log-exports";
    public const string Maintenance = "maintenance";
    public const string Upgrading = "upgrading";
    public const string ResettingMasterCredentials = "resetting-master-credentials";
    public const string RenamingInstance = "renaming";
    public const string IncompatibleParameters = "incompatible-parameters";
    public const string IncompatibleNetwork = "incompatible-network";
    public const string IncompatibleRestore = "incompatible-restore";
    public const string InaccessibleEncryptionCredentials = "inaccessible-encryption-credentials";
    public const string StorageFull = "storage-full";

    /// <summary>Statuses from which the instance will not recover by itself.</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal)
    {
        Failed, IncompatibleParameters, IncompatibleNetwork, IncompatibleRestore, InaccessibleEncryptionCredentials,
    };

    // DBParameterGroupStatus.ParameterApplyStatus
    public const string ParameterInSync = "in-sync";
    public const string ParameterPendingReboot = "pending-reboot";
    public const string ParameterApplying = "applying";

    // Parameter.ApplyMethod / ApplyType
    public const string ApplyImmediate = "immediate";
    public const string ApplyPendingReboot = "pending-reboot";
    public const string ApplyTypeStatic = "static";
    public const string ApplyTypeDynamic = "dynamic";

    // Parameter.Source (DescribeDBParameters' Source filter)
    public const string ParameterSourceUser = "user";
    public const string ParameterSourceSystem = "system";
    public const string ParameterSourceEngineDefault = "engine-default";

    // DBSnapshot status, subnet group status
    public const string SnapshotAvailable = "available";
    public const string SnapshotCreating = "creating";
    public const string SubnetGroupComplete = "Complete";
}
