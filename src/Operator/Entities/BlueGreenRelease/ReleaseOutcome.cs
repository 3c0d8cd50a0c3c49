using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("How a release ended.")]
[JsonConverter(typeof(JsonStringEnumConverter<ReleaseOutcome>))]
public enum ReleaseOutcome
{
    [JsonStringEnumMemberName("Succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("Aborted")]
    Aborted,

    [JsonStringEnumMemberName("RolledBack")]
    RolledBack,

    [JsonStringEnumMemberName("Failed")]
    Failed,
}
