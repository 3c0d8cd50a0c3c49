namespace Ebops.Sandbox.Aws.Rds;

/// <summary>The CreateDBInstance parameters the simulator reads (null: not sent).</summary>
internal sealed record RdsCreateInstanceInput
{
    public required string Identifier { get; init; }
    public required string InstanceClass { get; init; }
    public required string Engine { get; init; }
    public string? EngineVersion { get; init; }
    public int? AllocatedStorage { get; init; }
    public string? MasterUsername { get; init; }
    public string? MasterUserPassword { get; init; }
    public bool ManageMasterUserPassword { get; init; }
    public string? DbName { get; init; }
    public int? Port { get; init; }
    public string? SubnetGroupName { get; init; }
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
    public string? ParameterGroupName { get; init; }
    public string? AvailabilityZone { get; init; }
    public bool? PubliclyAccessible { get; init; }
    public bool? DeletionProtection { get; init; }
    public bool? MultiAz { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public string? StorageType { get; init; }
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];
}
