using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The Elastic IP of one subnet.")]
public sealed class NlbAddressStatus
{
    [Description("Subnet id.")]
    [JsonPropertyName("subnetId")]
    public string? SubnetId { get; set; }

    [Description("Elastic IP allocation id.")]
    [JsonPropertyName("allocationId")]
    public string? AllocationId { get; set; }

    [Description("The public IPv4 address.")]
    [JsonPropertyName("publicIp")]
    public string? PublicIp { get; set; }

    [Description("true when this resource allocated the address and releases it on deletion.")]
    [JsonPropertyName("owned")]
    public bool Owned { get; set; }
}
