using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The alb-type target group of one colour.")]
public sealed class NlbTargetGroupStatus
{
    [Description("blue or green.")]
    [JsonPropertyName("color")]
    public DeploymentColor Color { get; set; }

    [Description("ARN of the target group.")]
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [Description("ARN of the ALB registered as its target (the colour's Elastic Beanstalk environment's ALB).")]
    [JsonPropertyName("albArn")]
    public string? AlbArn { get; set; }

    [Description("Target health: initial, healthy, unhealthy, unused, draining or unavailable.")]
    [JsonPropertyName("health")]
    public string? Health { get; set; }

    [Description("Share of new connections the listener forwards to this group, in percent (0-100).")]
    [JsonPropertyName("trafficPercent")]
    public int? TrafficPercent { get; set; }
}
