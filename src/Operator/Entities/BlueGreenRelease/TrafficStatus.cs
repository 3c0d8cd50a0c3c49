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

    [Description("NlbWeighted: the step in progress, counting from 1.")]
    [JsonPropertyName("step")]
    public int? Step { get; set; }

    [Description("Green's share of new connections now, percent.")]
    [JsonPropertyName("greenWeight")]
    public int? GreenWeight { get; set; }

    [Description("NlbWeighted: each step reached, with its comparison of green and blue.")]
    [JsonPropertyName("steps")]
    public List<TrafficStepStatus>? Steps { get; set; }

    [Description("Short form for the Traffic column, e.g. 'green 25%' or 'blue'.")]
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    [Description("When traffic was last switched.")]
    [JsonPropertyName("switchedAt")]
    public DateTimeOffset? SwitchedAt { get; set; }

    [Description("Until when the previous colour may still have draining connections.")]
    [JsonPropertyName("drainingUntil")]
    public DateTimeOffset? DrainingUntil { get; set; }
}
