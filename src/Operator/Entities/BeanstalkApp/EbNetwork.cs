using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("Where the environments run (option namespace aws:ec2:vpc). Absent: the account's default VPC and its default subnets.")]
[CelRule("!has(oldSelf.vpcId) || (has(self.vpcId) && self.vpcId == oldSelf.vpcId)", Message = "spec.network.vpcId is immutable", FieldPath = ".vpcId")]
public sealed class EbNetwork
{
    /// <summary>An EC2 VPC id.</summary>
    public const string VpcIdPattern = "^vpc-[0-9a-f]{8,17}$";

    [Description("VPC id, e.g. vpc-0a1b2c3d4e5f67890. Default: the VPC of instanceSubnets. Immutable once set (the app's security group lives in it).")]
    [MaxLength(32)]
    [RegularExpression(VpcIdPattern)]
    [JsonPropertyName("vpcId")]
    public string? VpcId { get; set; }

    [Description("Subnets of the instances (aws:ec2:vpc Subnets), in the same VPC.")]
    [Required]
    [MinLength(1)]
    [MaxLength(16)]
    [ListSet]
    [Items(MaxLength = 32, Pattern = Patterns.SubnetId)]
    [JsonPropertyName("instanceSubnets")]
    public List<string> InstanceSubnets { get; set; } = [];

    [Description("Subnets of the Application Load Balancer (aws:ec2:vpc ELBSubnets), at least two Availability Zones. Default: instanceSubnets.")]
    [MinLength(1)]
    [MaxLength(16)]
    [ListSet]
    [Items(MaxLength = 32, Pattern = Patterns.SubnetId)]
    [JsonPropertyName("loadBalancerSubnets")]
    public List<string>? LoadBalancerSubnets { get; set; }

    [Description("Give the instances public IP addresses (needed in public subnets without a NAT gateway). Default: false.")]
    [Default(false)]
    [JsonPropertyName("associatePublicIpAddress")]
    public bool AssociatePublicIpAddress { get; set; }
}
