namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>A security group; <see cref="OwnedBy"/> names the service that created it through ISimNetwork, if any.</summary>
public sealed class Ec2SecurityGroup(string groupId, string groupName, string description, string vpcId, string? ownedBy)
{
    public string GroupId { get; } = groupId;
    public string GroupName { get; } = groupName;
    public string Description { get; } = description;
    public string VpcId { get; } = vpcId;
    public string? OwnedBy { get; } = ownedBy;
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<Ec2Rule> Ingress { get; } = [];
    public List<Ec2Rule> Egress { get; } = [];
}
