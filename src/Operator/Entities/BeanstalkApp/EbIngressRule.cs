using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("An inbound TCP rule: one port from one IPv4 CIDR block.")]
public sealed class EbIngressRule
{
    [Description("TCP port, 1-65535.")]
    [Required]
    [Range(1, 65535)]
    [JsonPropertyName("port")]
    public int Port { get; set; }

    [Description("IPv4 CIDR block allowed to connect, e.g. 203.0.113.10/32.")]
    [Required]
    [MaxLength(18)]
    [RegularExpression(Patterns.Ipv4Cidr)]
    [JsonPropertyName("fromCidr")]
    public string FromCidr { get; set; } = "";

    [Description("Free-text description of the rule, stored on the AWS rule.")]
    [MaxLength(255)]
    [RegularExpression("^[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]*$")]
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
