using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Where the frontend's listener sends traffic.")]
public sealed class TrafficStatus
{
    [Description("ARN of the NLB listener.")]
    [JsonPropertyName("listenerArn")]
    public string? ListenerArn { get; set; }

    [Description("ARN of the target group it forwards to.")]
    [JsonPropertyName("activeTargetGroupArn")]
    public string? ActiveTargetGroupArn { get; set; }

    [Description("CnameSwap: the production CNAME (the one the active environment held when the release started).")]
    [JsonPropertyName("productionCname")]
    public string? ProductionCname { get; set; }

    [Description("When traffic was last switched.")]
    [JsonPropertyName("switchedAt")]
    public DateTimeOffset? SwitchedAt { get; set; }

    [Description("Until when the previous colour may still have draining connections.")]
    [JsonPropertyName("drainingUntil")]
    public DateTimeOffset? DrainingUntil { get; set; }
}
