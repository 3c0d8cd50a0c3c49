using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("What running two environments at once costs during a release.")]
public sealed class ExtraCapacityStatus
{
    [Description("Instances running beyond the active environment's (green during verification, blue during retention).")]
    [JsonPropertyName("instances")]
    public int Instances { get; set; }

    [Description("What the extra instances cost per hour in USD (instances x strategy.instanceHourlyPrice); empty without a price.")]
    [JsonPropertyName("hourlyCost")]
    public string? HourlyCost { get; set; }

    [Description("Since when both environments have been running; empty when only one is.")]
    [JsonPropertyName("since")]
    public DateTimeOffset? Since { get; set; }
}
