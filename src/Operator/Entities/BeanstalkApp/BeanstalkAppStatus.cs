using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The observed state of the application and its environments.")]
public sealed class BeanstalkAppStatus : ResourceStatus
{
    [Description("The Elastic Beanstalk application.")]
    [JsonPropertyName("aws")]
    public AwsResourceMetadata? Aws { get; set; }

    [Description("ARN of the Elastic Beanstalk application.")]
    [JsonPropertyName("applicationArn")]
    public string? ApplicationArn { get; set; }

    [Description("The environments, one per colour.")]
    [JsonPropertyName("environments")]
    public List<EbEnvironmentStatus>? Environments { get; set; }

    [Description("The colour serving production traffic: blue or green.")]
    [JsonPropertyName("activeColor")]
    public DeploymentColor? ActiveColor { get; set; }

    [Description("Version label deployed to the active environment.")]
    [JsonPropertyName("activeVersion")]
    public string? ActiveVersion { get; set; }

    [Description("Enhanced health status of the active environment (Ok, Warning, Degraded, Severe, ...).")]
    [JsonPropertyName("activeHealth")]
    public string? ActiveHealth { get; set; }

    [Description("Id of the security group of the environments' instances (a source for RdsDatabase ingress rules).")]
    [JsonPropertyName("instanceSecurityGroupId")]
    public string? InstanceSecurityGroupId { get; set; }
}
