using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("When a DB instance is rebooted to apply pending-reboot parameters.")]
[JsonConverter(typeof(JsonStringEnumConverter<RebootPolicy>))]
public enum RebootPolicy
{
    [JsonStringEnumMemberName("Immediate")]
    Immediate,

    [JsonStringEnumMemberName("MaintenanceWindow")]
    MaintenanceWindow,

    [JsonStringEnumMemberName("Manual")]
    Manual,
}
