using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The observed state of the NLB, its Elastic IPs and target groups.")]
public sealed class NlbFrontendStatus : ResourceStatus
{
    [Description("The network load balancer.")]
    [JsonPropertyName("aws")]
    public AwsResourceMetadata? Aws { get; set; }

    [Description("DNS name of the NLB.")]
    [JsonPropertyName("dnsName")]
    public string? DnsName { get; set; }

    [Description("The static public IPs, one per subnet.")]
    [JsonPropertyName("staticIps")]
    public List<string>? StaticIps { get; set; }

    [Description("The Elastic IP of each subnet and whether this resource owns it.")]
    [JsonPropertyName("addresses")]
    public List<NlbAddressStatus>? Addresses { get; set; }

    [Description("ARN of the NLB.")]
    [JsonPropertyName("loadBalancerArn")]
    public string? LoadBalancerArn { get; set; }

    [Description("ARN of the listener.")]
    [JsonPropertyName("listenerArn")]
    public string? ListenerArn { get; set; }

    [Description("The alb-type target group of each colour.")]
    [JsonPropertyName("targetGroups")]
    public List<NlbTargetGroupStatus>? TargetGroups { get; set; }

    [Description("The colour the listener forwards to.")]
    [JsonPropertyName("activeColor")]
    public DeploymentColor? ActiveColor { get; set; }

    [Description("ARN of the target group the listener forwards to.")]
    [JsonPropertyName("activeTargetGroupArn")]
    public string? ActiveTargetGroupArn { get; set; }

    [Description("The last time the listener was switched between colours.")]
    [JsonPropertyName("lastSwitch")]
    public TrafficSwitch? LastSwitch { get; set; }
}
