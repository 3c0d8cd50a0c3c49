namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>A subnet.</summary>
internal sealed record Ec2Subnet(string SubnetId, string VpcId, string CidrBlock, string AvailabilityZone, bool DefaultForAz)
{
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A copy that later changes to this subnet do not reach (for rendering outside the lock).</summary>
    public Ec2Subnet Snapshot() => this with { Tags = new(Tags, StringComparer.Ordinal) };
}
