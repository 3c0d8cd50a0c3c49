using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("An inbound rule: a TCP port from exactly one of fromCidr and fromSecurityGroupOf.")]
[CelRule("has(self.fromCidr) != has(self.fromSecurityGroupOf)", Message = "spec.network.securityGroup.ingress: exactly one of fromCidr and fromSecurityGroupOf must be set", FieldPath = ".fromCidr")]
public sealed class RdsIngressRule
{
    [Description("TCP port, 1-65535. Default: 3306.")]
    [Default(3306)]
    [Range(1, 65535)]
    [JsonPropertyName("port")]
    public int Port { get; set; } = 3306;

    [Description("An IPv4 CIDR block allowed to connect, e.g. 203.0.113.0/24.")]
    [MaxLength(18)]
    [RegularExpression(Patterns.Ipv4Cidr)]
    [JsonPropertyName("fromCidr")]
    public string? FromCidr { get; set; }

    [Description("Allow the instances of another ebops resource (their security group) to connect.")]
    [JsonPropertyName("fromSecurityGroupOf")]
    public SecurityGroupOwnerReference? FromSecurityGroupOf { get; set; }

    [Description("Free-text description of the rule, stored on the AWS rule.")]
    [MaxLength(255)]
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
