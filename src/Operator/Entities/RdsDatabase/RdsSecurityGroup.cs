using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("A security group owned by this resource. Rules not listed here are removed.")]
public sealed class RdsSecurityGroup
{
    [Description("Inbound rules. Each allows one port from one source.")]
    [MaxLength(20)]
    [JsonPropertyName("ingress")]
    public List<RdsIngressRule>? Ingress { get; set; }
}
