using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The health gate's progress.")]
public sealed class GateStatus
{
    [Description("true once consecutiveSuccesses passing rounds were seen.")]
    [JsonPropertyName("passed")]
    public bool Passed { get; set; }

    [Description("Passing rounds in a row so far.")]
    [JsonPropertyName("consecutiveSuccesses")]
    public int ConsecutiveSuccesses { get; set; }

    [Description("Failed rounds so far.")]
    [JsonPropertyName("failures")]
    public int Failures { get; set; }

    [Description("When the last round of checks was measured.")]
    [JsonPropertyName("lastRoundAt")]
    public DateTimeOffset? LastRoundAt { get; set; }

    [Description("Short progress for the Gate column, e.g. 2/3.")]
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    [Description("The last result of each check.")]
    [JsonPropertyName("checks")]
    public List<GateCheckStatus>? Checks { get; set; }
}
