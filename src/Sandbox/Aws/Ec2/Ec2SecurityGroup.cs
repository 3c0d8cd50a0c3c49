namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>A security group; <see cref="OwnedBy"/> names the service that created it through ISimNetwork, if any.</summary>
internal sealed class Ec2SecurityGroup(string groupId, string groupName, string description, string vpcId, string? ownedBy)
{
    public string GroupId { get; } = groupId;

    public string GroupName { get; } = groupName;

    public string Description { get; } = description;

    public string VpcId { get; } = vpcId;

    public string? OwnedBy { get; } = ownedBy;

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public List<Ec2Rule> Ingress { get; } = [];

    public List<Ec2Rule> Egress { get; } = [];

    /// <summary>A copy that later changes to this group do not reach (for rendering outside the lock).</summary>
    public Ec2SecurityGroup Snapshot()
    {
        var copy = new Ec2SecurityGroup(GroupId, GroupName, Description, VpcId, OwnedBy);
        foreach (var (key, value) in Tags)
        {
            copy.Tags[key] = value;
        }

        copy.Ingress.AddRange(Ingress);
        copy.Egress.AddRange(Egress);
        return copy;
    }
}
