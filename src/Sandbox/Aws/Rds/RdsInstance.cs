namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A DB instance. The master password is kept only as a salted hash.</summary>
internal sealed class RdsInstance
{
    public required string Identifier { get; init; }
    public required string Arn { get; init; }
    public required string ResourceId { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; set; }
    public required string InstanceClass { get; set; }
    public required int AllocatedStorage { get; set; }
    public required string MasterUsername { get; init; }
    public required string PasswordHash { get; set; }
    public string? DbName { get; init; }
    public required int Port { get; init; }
    public required string EndpointAddress { get; init; }
    public required string SubnetGroupName { get; init; }
    public required string AvailabilityZone { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public List<string> SecurityGroupIds { get; set; } = [];
    public required string ParameterGroupName { get; set; }
    public bool PubliclyAccessible { get; set; }
    public bool DeletionProtection { get; set; }
    public bool MultiAz { get; set; }
    public int BackupRetentionPeriod { get; set; } = 1;
    public string StorageType { get; set; } = "gp2";
    public string PreferredBackupWindow { get; set; } = "17:00-17:30";
    public string PreferredMaintenanceWindow { get; set; } = "sun:18:00-sun:18:30";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Status once the phase queue is empty.</summary>
    public string SteadyStatus { get; set; } = RdsStatus.Available;

    /// <summary>Timed statuses ahead, oldest first.</summary>
    public Queue<RdsPhase> Phases { get; } = new();

    /// <summary>Parameter apply status once any <see cref="ApplyingUntil"/> has passed.</summary>
    public string ParameterStatus { get; set; } = RdsStatus.InSync;

    public DateTimeOffset ApplyingUntil { get; set; }

    /// <summary>PendingModifiedValues (element name → value); MasterUserPassword shows as ****.</summary>
    public SortedDictionary<string, string> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>The password hash that replaces <see cref="PasswordHash"/> when the running modification completes.</summary>
    public string? PendingPasswordHash { get; set; }

    /// <summary>The parameter group that comes with a pending major version upgrade (applied with it).</summary>
    public string? PendingParameterGroupName { get; set; }

    public bool Deleted { get; set; }

    public string Status => Phases.Count > 0 ? Phases.Peek().Status : SteadyStatus;

    /// <summary>ParameterApplyStatus at <paramref name="now"/>: applying for a while after a change, then in-sync or
    /// pending-reboot.</summary>
    public string ParameterApplyStatus(DateTimeOffset now) => now < ApplyingUntil ? RdsStatus.Applying : ParameterStatus;

    /// <summary>Its parameter group changed: applying until <paramref name="applyingUntil"/>; a static change (or a new
    /// group) also waits for a reboot, and an instance already waiting keeps waiting.</summary>
    public void ParametersChanged(DateTimeOffset applyingUntil, bool needsReboot)
    {
        ApplyingUntil = applyingUntil;
        if (needsReboot)
        {
            ParameterStatus = RdsStatus.PendingReboot;
        }
    }
}
