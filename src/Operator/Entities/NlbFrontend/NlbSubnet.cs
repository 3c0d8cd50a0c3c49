using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("A subnet of the NLB and its Elastic IP: exactly one of allocationId (bring your own) and allocate: true (allocate, own, and release on deletion).")]
[CelRule("has(self.allocationId) != (has(self.allocate) && self.allocate)", Message = "spec.subnets: exactly one of allocationId and allocate: true must be set", FieldPath = ".allocationId")]
public sealed class NlbSubnet
{
    [Description("Subnet id, e.g. subnet-0aaa1111bbbb22220.")]
    [Required]
    [MaxLength(32)]
    [RegularExpression(Patterns.SubnetId)]
    [JsonPropertyName("subnetId")]
    public string SubnetId { get; set; } = "";

    [Description("An existing Elastic IP allocation id (eipalloc-...) to use; ebops never releases it.")]
    [MaxLength(32)]
    [RegularExpression(Patterns.AllocationId)]
    [JsonPropertyName("allocationId")]
    public string? AllocationId { get; set; }

    [Description("true: allocate an Elastic IP for this subnet, owned by this resource and released when it is deleted.")]
    [JsonPropertyName("allocate")]
    public bool? Allocate { get; set; }
}
