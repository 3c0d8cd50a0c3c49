using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Result of a health gate check.")]
[JsonConverter(typeof(JsonStringEnumConverter<GateCheckPhase>))]
public enum GateCheckPhase
{
    [JsonStringEnumMemberName("Pending")]
    Pending,

    [JsonStringEnumMemberName("Successful")]
    Successful,

    [JsonStringEnumMemberName("Failed")]
    Failed,

    /// <summary>The measurement itself failed (e.g. the AWS call errored); neither a pass nor a fail.</summary>
    [JsonStringEnumMemberName("Inconclusive")]
    Inconclusive,
}
