using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("One Elastic Beanstalk environment of the pair.")]
public sealed class EbEnvironmentStatus
{
    [Description("blue or green.")]
    [JsonPropertyName("color")]
    public DeploymentColor Color { get; set; }

    [Description("Environment name.")]
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [Description("Environment id (e-...).")]
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [Description("Elastic Beanstalk environment status: Launching, Updating, Ready, Terminating, Terminated.")]
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [Description("Health colour: Green, Yellow, Red or Grey.")]
    [JsonPropertyName("health")]
    public string? Health { get; set; }

    [Description("Enhanced health status: Ok, Info, Warning, Degraded, Severe, NoData, Pending, Unknown, Suspended.")]
    [JsonPropertyName("healthStatus")]
    public string? HealthStatus { get; set; }

    [Description("Version label deployed to the environment.")]
    [JsonPropertyName("versionLabel")]
    public string? VersionLabel { get; set; }

    [Description("CNAME of the environment.")]
    [JsonPropertyName("cname")]
    public string? Cname { get; set; }

    [Description("ARN of the environment's Application Load Balancer.")]
    [JsonPropertyName("loadBalancerArn")]
    public string? LoadBalancerArn { get; set; }

    [Description("True for the environment serving production traffic.")]
    [JsonPropertyName("active")]
    public bool? Active { get; set; }

    [Description("Instance counts by enhanced health status.")]
    [JsonPropertyName("instances")]
    public EbInstanceCounts? Instances { get; set; }
}
