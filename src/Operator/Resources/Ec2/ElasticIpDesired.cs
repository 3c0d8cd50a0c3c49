namespace Ebops.Operator.Resources.Ec2;

/// <summary>
/// The Elastic IP of one subnet of an owner's network load balancer: the given <c>AllocationId</c> (the user's own
/// address: ebops reads it, never tags, changes or releases it), or, when that is null, an address ebops allocates,
/// tags (component <c>eip-&lt;subnetId&gt;</c>), owns and releases.
/// </summary>
internal sealed record ElasticIpDesired(ResourceOwner Owner, string SubnetId, string? AllocationId)
{
    public string Component => "eip-" + SubnetId;

    public bool Given => AllocationId is not null;

    public IReadOnlyDictionary<string, string> Tags => Owner.Tags(Component);

    /// <summary>How the address is found: its allocation id when given, otherwise its ownership tags.</summary>
    public string Key => AllocationId ?? ElasticIpManager.TagKey(Owner.Cluster, Owner.Kind, Owner.Namespace, Owner.Name, Component);
}
