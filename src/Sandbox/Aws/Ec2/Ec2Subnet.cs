namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>A subnet.</summary>
public sealed record Ec2Subnet(string SubnetId, string VpcId, string CidrBlock, string AvailabilityZone, bool DefaultForAz)
{
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
