namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>A VPC.</summary>
public sealed record Ec2Vpc(string VpcId, string CidrBlock, bool IsDefault)
{
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
