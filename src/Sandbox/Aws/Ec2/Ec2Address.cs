namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>An Elastic IP allocation and its association, if any.</summary>
public sealed class Ec2Address(string allocationId, string publicIp)
{
    public string AllocationId { get; } = allocationId;
    public string PublicIp { get; } = publicIp;
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public string? AssociationId { get; set; }
    public string? NetworkInterfaceId { get; set; }
}
