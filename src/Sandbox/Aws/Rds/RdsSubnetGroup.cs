namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A DB subnet group.</summary>
internal sealed class RdsSubnetGroup(string name, string description, string vpcId, IReadOnlyList<string> subnetIds, string arn)
{
    public string Name { get; } = name;
    public string Description { get; set; } = description;
    public string VpcId { get; set; } = vpcId;
    public IReadOnlyList<string> SubnetIds { get; set; } = subnetIds;
    public string Arn { get; } = arn;
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
