using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("A raw Elastic Beanstalk configuration option.")]
public sealed class EbOptionSetting
{
    [Description("Option namespace, e.g. aws:elasticbeanstalk:command.")]
    [Required]
    [MinLength(1)]
    [MaxLength(200)]
    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = "";

    [Description("Option name, e.g. DeploymentPolicy.")]
    [Required]
    [MinLength(1)]
    [MaxLength(200)]
    [JsonPropertyName("optionName")]
    public string OptionName { get; set; } = "";

    [Description("Option value.")]
    [Required]
    [MaxLength(4096)]
    [JsonPropertyName("value")]
    public string Value { get; set; } = "";

    [Description("Resource name for options scoped to a resource (e.g. a listener rule); usually empty.")]
    [MaxLength(256)]
    [JsonPropertyName("resourceName")]
    public string? ResourceName { get; set; }
}
