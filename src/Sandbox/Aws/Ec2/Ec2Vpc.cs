namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>A VPC.</summary>
internal sealed record Ec2Vpc(string VpcId, string CidrBlock, bool IsDefault)
{
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A copy that later changes to this VPC do not reach (for rendering outside the lock).</summary>
    public Ec2Vpc Snapshot() => this with { Tags = new(Tags, StringComparer.Ordinal) };
}
