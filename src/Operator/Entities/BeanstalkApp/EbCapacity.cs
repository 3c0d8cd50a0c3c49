using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("Auto Scaling group of each environment (option namespace aws:autoscaling:asg).")]
[CelRule("self.min <= self.max", Message = "spec.capacity.min must be less than or equal to spec.capacity.max", FieldPath = ".min")]
public sealed class EbCapacity
{
    [Description("Minimum number of instances, 1-100. Default: 1.")]
    [Default(1)]
    [Range(1, 100)]
    [JsonPropertyName("min")]
    public int Min { get; set; } = 1;

    [Description("Maximum number of instances, 1-100, at least min. Default: 4.")]
    [Default(4)]
    [Range(1, 100)]
    [JsonPropertyName("max")]
    public int Max { get; set; } = 4;

    [Description("EC2 instance type, e.g. t3.small. Default: t3.small.")]
    [Default("t3.small")]
    [MaxLength(64)]
    [RegularExpression("^[a-z0-9-]+\\.[a-z0-9]+$")]
    [JsonPropertyName("instanceType")]
    public string InstanceType { get; set; } = "t3.small";
}
