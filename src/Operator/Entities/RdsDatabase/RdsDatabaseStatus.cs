using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The observed state of the DB instance.")]
public sealed class RdsDatabaseStatus : ResourceStatus
{
    [Description("The DB instance.")]
    [JsonPropertyName("aws")]
    public AwsResourceMetadata? Aws { get; set; }

    [Description("RDS DBInstanceStatus, e.g. creating, available, modifying, rebooting.")]
    [JsonPropertyName("instanceStatus")]
    public string? InstanceStatus { get; set; }

    [Description("Where clients connect.")]
    [JsonPropertyName("endpoint")]
    public RdsEndpoint? Endpoint { get; set; }

    [Description("The parameter group and whether its values are applied.")]
    [JsonPropertyName("parameterGroup")]
    public ParameterGroupStatus? ParameterGroup { get; set; }

    [Description("Changes RDS has accepted but not applied yet (PendingModifiedValues), name to value.")]
    [JsonPropertyName("pendingModifications")]
    public Dictionary<string, string>? PendingModifications { get; set; }

    [Description("HMAC-SHA256, keyed with this object's uid, of the SHA-256 of the master password last applied (never the password or a plain hash of it), to detect rotation.")]
    [JsonPropertyName("passwordSecretHash")]
    public string? PasswordSecretHash { get; set; }

    [Description("Id of the security group owned by this resource.")]
    [JsonPropertyName("securityGroupId")]
    public string? SecurityGroupId { get; set; }

    [Description("Name of the final snapshot taken when this resource deleted the instance: chosen once, before the delete call, so a retry uses the same name.")]
    [JsonPropertyName("finalSnapshotIdentifier")]
    public string? FinalSnapshotIdentifier { get; set; }
}
