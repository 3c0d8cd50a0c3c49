using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The environment's own load balancer.")]
public sealed class EbLoadBalancer
{
    [Description("Load balancer type. Only application (an ALB, which an NlbFrontend can put behind its static IPs). Default: application.")]
    [Default("application")]
    [JsonPropertyName("type")]
    public EbLoadBalancerType Type { get; set; } = EbLoadBalancerType.Application;

    [Description("HTTP listener port of the ALB, 1-65535. Default: 80.")]
    [Default(80)]
    [Range(1, 65535)]
    [JsonPropertyName("listenerPort")]
    public int ListenerPort { get; set; } = 80;

    [Description("Path the ALB health check requests on each instance. Default: /.")]
    [Default("/")]
    [MaxLength(1024)]
    [RegularExpression(Patterns.UrlPath)]
    [JsonPropertyName("healthCheckPath")]
    public string HealthCheckPath { get; set; } = "/";
}
