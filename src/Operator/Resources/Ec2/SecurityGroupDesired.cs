namespace Ebops.Operator.Resources.Ec2;

/// <summary>
/// A security group ebops owns. It is found by <paramref name="GroupId"/> when that is known (from status or an
/// adoption field), otherwise by the ownership tags of (<paramref name="Owner"/>, <paramref name="Component"/>).
/// </summary>
/// <param name="Owner">The Kubernetes object the group belongs to.</param>
/// <param name="Component">Which of the owner's groups this is (the <c>ebops.io/component</c> tag), e.g. <c>db-security-group</c>.</param>
/// <param name="GroupName">Deterministic name, unique in the VPC (see <see cref="AwsNames"/>); fixed at creation.</param>
/// <param name="Description">Group description; fixed at creation.</param>
/// <param name="VpcId">The VPC to create the group in (needed only to create or to find it by name).</param>
/// <param name="Ingress">Every inbound rule the group must have; rules not listed are revoked.</param>
/// <param name="GroupId">The group's id when known.</param>
public sealed record SecurityGroupDesired(
    ResourceOwner Owner,
    string Component,
    string GroupName,
    string Description,
    string? VpcId,
    IReadOnlyList<IngressRule> Ingress,
    string? GroupId = null)
{
    /// <summary>The ownership tags the group carries.</summary>
    public IReadOnlyDictionary<string, string> Tags => Owner.Tags(Component);
}
