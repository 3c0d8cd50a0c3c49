using Ebops.Operator.Aws.Rds;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// A DB instance as RDS describes it. <see cref="PendingModifications"/> holds what RDS accepted but has not applied
/// (PendingModifiedValues; a pending master password shows as <c>(pending)</c>, never a value).
/// </summary>
public sealed record DbInstanceObserved(
    string Identifier,
    string Arn,
    string Status,
    string Engine,
    string EngineVersion,
    string InstanceClass,
    int AllocatedStorage,
    string? DbName,
    string MasterUsername,
    bool PubliclyAccessible,
    string? ParameterGroupName,
    string? ParameterApplyStatus,
    string? SubnetGroupName,
    string? VpcId,
    IReadOnlyList<string> SecurityGroupIds,
    bool DeletionProtection,
    string? EndpointAddress,
    int? EndpointPort,
    string? PreferredMaintenanceWindow,
    IReadOnlyDictionary<string, string> PendingModifications,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Only an available instance may be modified or rebooted.</summary>
    public bool IsAvailable => Status == RdsStatuses.Available;

    /// <summary>True when ebops adopted the instance (see <see cref="OwnershipTags.Adopted"/>).</summary>
    public bool Adopted => Tags.TryGetValue(OwnershipTags.Adopted, out var value) && value == "true";

    /// <summary>The value the instance will have once pending modifications apply.</summary>
    public string Effective(string field, string current) => PendingModifications.GetValueOrDefault(field) ?? current;
}
