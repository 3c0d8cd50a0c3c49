using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("What happened at one weighted step.")]
public sealed class TrafficStepStatus
{
    [Description("Green's share of new connections, percent.")]
    [JsonPropertyName("weight")]
    public int Weight { get; set; }

    [Description("When the listener reached this weight.")]
    [JsonPropertyName("startedAt")]
    public DateTimeOffset? StartedAt { get; set; }

    [Description("When the step ended.")]
    [JsonPropertyName("endedAt")]
    public DateTimeOffset? EndedAt { get; set; }

    [Description("The last comparison of green with blue, e.g. 'green 5xx 0.4% (250 req), blue 0.3% (4750 req); p99 41 ms vs 38 ms'.")]
    [JsonPropertyName("analysis")]
    public string? Analysis { get; set; }

    [Description("Whether the last comparison passed (empty before the first one with enough requests).")]
    [JsonPropertyName("passed")]
    public bool? Passed { get; set; }
}
