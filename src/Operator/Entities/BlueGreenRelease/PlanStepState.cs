using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("State of a plan step.")]
[JsonConverter(typeof(JsonStringEnumConverter<PlanStepState>))]
public enum PlanStepState
{
    [JsonStringEnumMemberName("Pending")]
    Pending,

    [JsonStringEnumMemberName("Running")]
    Running,

    [JsonStringEnumMemberName("Done")]
    Done,

    [JsonStringEnumMemberName("Failed")]
    Failed,

    [JsonStringEnumMemberName("Skipped")]
    Skipped,
}
