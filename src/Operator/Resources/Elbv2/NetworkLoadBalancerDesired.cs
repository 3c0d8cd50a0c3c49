namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// An internet-facing IPv4 network load balancer named <paramref name="Name"/> with one subnet mapping per subnet.
/// Subnets and Elastic IPs cannot change on an existing NLB.
///  <c>Adopted</c>: True when ebops took the NLB over rather than creating it (tagged <c>ebops.io/adopted</c>).
/// </summary>
internal sealed record NetworkLoadBalancerDesired(ResourceOwner Owner, string Name, IReadOnlyList<NlbSubnetMapping> Subnets, bool Adopted = false)
{
    public const string Component = "nlb";

    public IReadOnlyDictionary<string, string> Tags => Adopted
        ? new Dictionary<string, string>(Owner.Tags(Component), StringComparer.Ordinal) { [OwnershipTags.Adopted] = "true" }
        : Owner.Tags(Component);
}
