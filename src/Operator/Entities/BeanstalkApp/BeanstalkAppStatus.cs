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

    [Description("Id of the app's own security group, attached to the environments' instances (a source for RdsDatabase ingress rules).")]
    [JsonPropertyName("instanceSecurityGroupId")]
    public string? InstanceSecurityGroupId { get; set; }

    [Description("The VPC the environments run in (spec.network, or the account's default VPC).")]
    [JsonPropertyName("vpcId")]
    public string? VpcId { get; set; }

    [Description("The Elastic Beanstalk configuration template new environments are created from.")]
    [JsonPropertyName("templateName")]
    public string? TemplateName { get; set; }

    [Description("Hash of the template's desired settings (secret values hashed): an environment created from an older configuration differs, and a release brings the new one to production blue/green.")]
    [JsonPropertyName("configurationHash")]
    public string? ConfigurationHash { get; set; }

    [Description("The raw optionSettings last written to the template (namespace/optionName[/resourceName]), so that one removed from the spec is removed from the template.")]
    [JsonPropertyName("appliedOptionSettings")]
    public List<string>? AppliedOptionSettings { get; set; }
}
