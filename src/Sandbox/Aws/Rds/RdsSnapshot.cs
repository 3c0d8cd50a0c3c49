namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A DB snapshot; <c>creating</c> until <see cref="AvailableAt"/>.</summary>
internal sealed class RdsSnapshot
{
    public required string Identifier { get; init; }
    public required string Arn { get; init; }
    public required string InstanceIdentifier { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required int AllocatedStorage { get; init; }
    public required int Port { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string VpcId { get; init; }
    public required string MasterUsername { get; init; }
    public required DateTimeOffset InstanceCreatedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset AvailableAt { get; init; }
    public string SnapshotType { get; init; } = "manual";
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public string StatusAt(DateTimeOffset now) => now >= AvailableAt ? RdsStatus.Available : RdsStatus.Creating;
}
