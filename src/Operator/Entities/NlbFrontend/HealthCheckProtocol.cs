using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Protocol of a target group health check.")]
[JsonConverter(typeof(JsonStringEnumConverter<HealthCheckProtocol>))]
public enum HealthCheckProtocol
{
    [JsonStringEnumMemberName("HTTP")]
    Http,

    [JsonStringEnumMemberName("HTTPS")]
    Https,
}
