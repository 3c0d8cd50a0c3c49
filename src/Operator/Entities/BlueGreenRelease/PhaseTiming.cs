using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("When the current release entered a phase.")]
public sealed class PhaseTiming
{
    [Description("The phase.")]
    [JsonPropertyName("phase")]
    public ReleasePhase Phase { get; set; }

    [Description("When the release entered it.")]
    [JsonPropertyName("at")]
    public DateTimeOffset At { get; set; }

    [Description("Why it entered it.")]
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
