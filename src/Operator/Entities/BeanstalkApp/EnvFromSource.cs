using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("A source of environment properties.")]
public sealed class EnvFromSource
{
    [Description("An RdsDatabase in the same namespace: fills RDS_HOSTNAME, RDS_PORT, RDS_DB_NAME, RDS_USERNAME and RDS_PASSWORD from its status and password Secret.")]
    [Required]
    [JsonPropertyName("rdsDatabaseRef")]
    public LocalObjectReference RdsDatabaseRef { get; set; } = new();
}
