using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("Health check of an alb-type target group: the NLB requests this path on the ALB.")]
public sealed class NlbHealthCheck
{
    [Description("HTTP or HTTPS. Default: HTTP.")]
    [Default("HTTP")]
    [JsonPropertyName("protocol")]
    public HealthCheckProtocol Protocol { get; set; } = HealthCheckProtocol.Http;

    [Description("Path requested. Default: /.")]
    [Default("/")]
    [MaxLength(1024)]
    [RegularExpression(Patterns.UrlPath)]
    [JsonPropertyName("path")]
    public string Path { get; set; } = "/";

    [Description("Port checked: traffic-port (the ALB's listener port) or a number 1-65535. Default: traffic-port.")]
    [Default("traffic-port")]
    [MaxLength(12)]
    [RegularExpression("^(traffic-port|[1-9][0-9]{0,4})$")]
    [JsonPropertyName("port")]
    public string Port { get; set; } = "traffic-port";

    [Description("Seconds between checks, 5-300. Default: 10.")]
    [Default(10)]
    [Range(5, 300)]
    [JsonPropertyName("intervalSeconds")]
    public int IntervalSeconds { get; set; } = 10;

    [Description("Consecutive successes before a target is healthy, 2-10. Default: 3.")]
    [Default(3)]
    [Range(2, 10)]
    [JsonPropertyName("healthyThresholdCount")]
    public int HealthyThresholdCount { get; set; } = 3;

    [Description("Consecutive failures before a target is unhealthy, 2-10. Default: 3.")]
    [Default(3)]
    [Range(2, 10)]
    [JsonPropertyName("unhealthyThresholdCount")]
    public int UnhealthyThresholdCount { get; set; } = 3;

    [Description("HTTP codes meaning healthy: 200, 200,302 or 200-399. Default: 200-399.")]
    [Default("200-399")]
    [MaxLength(64)]
    [RegularExpression(Patterns.HttpCodes)]
    [JsonPropertyName("matcher")]
    public string Matcher { get; set; } = "200-399";
}
