using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("An ebops resource in the same namespace whose instances' security group is the source of a rule.")]
[AtomicStruct]
public sealed class SecurityGroupOwnerReference
{
    [Description("Kind of the resource. Only BeanstalkApp (the security group of its EC2 instances, both colours).")]
    [Default("BeanstalkApp")]
    [JsonPropertyName("kind")]
    public SecurityGroupOwnerKind Kind { get; set; } = SecurityGroupOwnerKind.BeanstalkApp;

    [Description("Name of the resource, in the same namespace.")]
    [Required]
    [MaxLength(253)]
    [RegularExpression(Patterns.KubeName)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
