namespace Ebops.Operator.Resources.Ec2;

/// <summary>A security group as EC2 describes it, with its inbound rules flattened to one peer per rule.</summary>
public sealed record SecurityGroupObserved(
    string GroupId,
    string GroupName,
    string VpcId,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<IngressRule> Ingress)
{
    /// <summary>True when ebops adopted the group (it existed before; see <see cref="OwnershipTags.Adopted"/>).</summary>
    public bool Adopted => Tags.TryGetValue(OwnershipTags.Adopted, out var value) && value == "true";
}
