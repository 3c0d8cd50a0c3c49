namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>An Elastic IP allocation and its association, if any.</summary>
internal sealed class Ec2Address(string allocationId, string publicIp)
{
    public string AllocationId { get; } = allocationId;

    public string PublicIp { get; } = publicIp;

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public string? AssociationId { get; set; }

    public string? NetworkInterfaceId { get; set; }

    /// <summary>A copy that later changes to this address do not reach (for rendering outside the lock).</summary>
    public Ec2Address Snapshot()
    {
        var copy = new Ec2Address(AllocationId, PublicIp) { AssociationId = AssociationId, NetworkInterfaceId = NetworkInterfaceId };
        foreach (var (key, value) in Tags)
        {
            copy.Tags[key] = value;
        }

        return copy;
    }
}
