using System.ComponentModel;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("What deleting this resource does to the DB instance (with deletion-policy delete).")]
public sealed class RdsDeletion
{
    [Description("Take a final snapshot named <identifier>-final-<timestamp> before deleting. Default: true.")]
    [Default(true)]
    [JsonPropertyName("finalSnapshot")]
    public bool FinalSnapshot { get; set; } = true;

    [Description("Set AWS deletion protection on the instance; the resource cannot be deleted until it is set to false. Default: false.")]
    [Default(false)]
    [JsonPropertyName("deletionProtection")]
    public bool DeletionProtection { get; set; }
}
