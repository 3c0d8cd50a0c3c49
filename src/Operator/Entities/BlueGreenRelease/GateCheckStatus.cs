using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The last measurement of one check.")]
public sealed class GateCheckStatus
{
    [Description("Name of the check.")]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [Description("Pending, Successful, Failed or Inconclusive.")]
    [JsonPropertyName("phase")]
    public GateCheckPhase Phase { get; set; }

    [Description("What was measured, e.g. 'health Ok, 2/2 instances Ok' or 'HTTP 503'.")]
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [Description("When it was measured.")]
    [JsonPropertyName("lastMeasuredAt")]
    public DateTimeOffset? LastMeasuredAt { get; set; }
}
