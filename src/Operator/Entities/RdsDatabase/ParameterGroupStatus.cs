using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The parameter group attached to the instance.")]
public sealed class ParameterGroupStatus
{
    [Description("Name of the DB parameter group.")]
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [Description("RDS ParameterApplyStatus: in-sync, applying or pending-reboot.")]
    [JsonPropertyName("applyStatus")]
    public string? ApplyStatus { get; set; }

    [Description("A parameter group of another family this resource replaced; deleted once the instance no longer uses it.")]
    [JsonPropertyName("retiring")]
    public string? Retiring { get; set; }
}
