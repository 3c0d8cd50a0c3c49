namespace Ebops.Sandbox.Aws.Rds;

/// <summary>The ModifyDBInstance parameters the simulator reads (null: not sent, so unchanged).</summary>
internal sealed record RdsModifyInstanceInput
{
    public required string Identifier { get; init; }
    public bool ApplyImmediately { get; init; }
    public bool AllowMajorVersionUpgrade { get; init; }
    public bool? DeletionProtection { get; init; }
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
    public bool? PubliclyAccessible { get; init; }
    public string? ParameterGroupName { get; init; }
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public string? MasterUserPassword { get; init; }
    public string? InstanceClass { get; init; }
    public int? AllocatedStorage { get; init; }
    public bool? MultiAz { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public string? EngineVersion { get; init; }
}
