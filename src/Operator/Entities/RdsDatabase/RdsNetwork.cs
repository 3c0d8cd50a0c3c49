using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("Where the instance lives and who may connect. Set exactly one of subnetGroupName and subnets.")]
[CelRule("has(self.subnetGroupName) != has(self.subnets)", Message = "spec.network: exactly one of spec.network.subnetGroupName and spec.network.subnets must be set", FieldPath = ".subnetGroupName")]
public sealed class RdsNetwork
{
    [Description("An existing DB subnet group, e.g. default. Immutable once the instance exists.")]
    [MinLength(1)]
    [MaxLength(255)]
    [JsonPropertyName("subnetGroupName")]
    public string? SubnetGroupName { get; set; }

    [Description("Subnet ids (at least two Availability Zones) for a DB subnet group owned by this resource.")]
    [MinLength(2)]
    [MaxLength(16)]
    [ListSet]
    [Items(MaxLength = 32, Pattern = Patterns.SubnetId)]
    [JsonPropertyName("subnets")]
    public List<string>? Subnets { get; set; }

    [Description("A VPC security group owned by this resource, attached to the instance.")]
    [JsonPropertyName("securityGroup")]
    public RdsSecurityGroup? SecurityGroup { get; set; }
}
