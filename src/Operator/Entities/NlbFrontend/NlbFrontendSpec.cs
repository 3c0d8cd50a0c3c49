using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The desired static-IP Network Load Balancer. Its listener forwards to an alb-type target group per colour of the backend; a BlueGreenRelease switches it.")]
public sealed class NlbFrontendSpec
{
    [Description("Subnets of the NLB, at most one per Availability Zone, each with one Elastic IP. Immutable: AWS cannot change a network load balancer's Elastic IPs.")]
    [Required]
    [MinLength(1)]
    [MaxLength(8)]
    [ListMapKeys("subnetId")]
    [CelRule("self == oldSelf", Message = "spec.subnets is immutable")]
    [JsonPropertyName("subnets")]
    public List<NlbSubnet> Subnets { get; set; } = [];

    [Description("The NLB listener.")]
    [DefaultObject]
    [JsonPropertyName("listener")]
    public NlbListener Listener { get; set; } = new();

    [Description("Health check of the alb-type target groups (the NLB checking each ALB).")]
    [DefaultObject]
    [JsonPropertyName("healthCheck")]
    public NlbHealthCheck HealthCheck { get; set; } = new();

    [Description("Seconds a deregistered ALB drains in its target group (deregistration_delay.timeout_seconds), 0-3600. When a release switches back or aborts it deregisters green's ALB with connection termination on, so the NLB closes the connections still open to green after this long and kept-alive clients reconnect to blue; a blue retired after a success keeps termination off and its connections drain. Default: 30.")]
    [Default(30)]
    [Range(0, 3600)]
    [JsonPropertyName("deregistrationDelaySeconds")]
    public int DeregistrationDelaySeconds { get; set; } = 30;

    [Description("The BeanstalkApp whose environments' ALBs are the targets.")]
    [Required]
    [JsonPropertyName("backendRef")]
    public LocalObjectReference BackendRef { get; set; } = new();
}
