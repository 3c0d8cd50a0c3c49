using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The desired Elastic Beanstalk application and the configuration of its environments. Versions are released by a BlueGreenRelease.")]
public sealed class BeanstalkAppSpec
{
    [Description("Elastic Beanstalk application name: 1-34 letters, digits and hyphens, not starting or ending with a hyphen. The environments are named <applicationName>-blue and <applicationName>-green, which must fit AWS's 4-40 character environment names. Immutable.")]
    [Required]
    [MinLength(1)]
    [MaxLength(34)]
    [RegularExpression(Patterns.EbName)]
    [CelRule("self == oldSelf", Message = "spec.applicationName is immutable")]
    [JsonPropertyName("applicationName")]
    public string ApplicationName { get; set; } = "";

    [Description("The platform the environments run. Changing it re-creates the environments through a release.")]
    [Required]
    [JsonPropertyName("platform")]
    public EbPlatform Platform { get; set; } = new();

    [Description("Auto Scaling group size and instance type of each environment.")]
    [DefaultObject]
    [JsonPropertyName("capacity")]
    public EbCapacity Capacity { get; set; } = new();

    [Description("The environments' load balancer.")]
    [DefaultObject]
    [JsonPropertyName("loadBalancer")]
    public EbLoadBalancer LoadBalancer { get; set; } = new();

    [Description("Where the environments run: VPC, instance and load balancer subnets, public IP association. Absent: the account's default VPC and its default subnets.")]
    [JsonPropertyName("network")]
    public EbNetwork? Network { get; set; }

    [Description("The app's own security group (ebops-owned), attached to the instances of every environment.")]
    [JsonPropertyName("securityGroup")]
    public EbSecurityGroup? SecurityGroup { get; set; }

    [Description("Environment properties passed to the application, name to value.")]
    [MaxLength(100)]
    [Items(MaxLength = 4096)]
    [JsonPropertyName("env")]
    public Dictionary<string, string>? Env { get; set; }

    [Description("Sources of further environment properties, e.g. an RdsDatabase filling RDS_HOSTNAME, RDS_PORT, RDS_DB_NAME, RDS_USERNAME and RDS_PASSWORD. Values in env win.")]
    [MaxLength(4)]
    [JsonPropertyName("envFrom")]
    public List<EnvFromSource>? EnvFrom { get; set; }

    [Description("Raw Elastic Beanstalk option settings, applied after the ones ebops derives from this spec (escape hatch).")]
    [MaxLength(100)]
    [JsonPropertyName("optionSettings")]
    public List<EbOptionSetting>? OptionSettings { get; set; }

    [Description("IAM role Elastic Beanstalk uses to manage the environments (name or ARN). Default: aws-elasticbeanstalk-service-role.")]
    [Default("aws-elasticbeanstalk-service-role")]
    [MaxLength(2048)]
    [JsonPropertyName("serviceRole")]
    public string ServiceRole { get; set; } = "aws-elasticbeanstalk-service-role";

    [Description("EC2 instance profile of the instances (name or ARN). Default: aws-elasticbeanstalk-ec2-role.")]
    [Default("aws-elasticbeanstalk-ec2-role")]
    [MaxLength(2048)]
    [JsonPropertyName("instanceProfile")]
    public string InstanceProfile { get; set; } = "aws-elasticbeanstalk-ec2-role";

    [Description("Application version lifecycle: how many versions Elastic Beanstalk keeps.")]
    [JsonPropertyName("versionLifecycle")]
    public EbVersionLifecycle? VersionLifecycle { get; set; }
}
