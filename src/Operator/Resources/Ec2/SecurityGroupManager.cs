using Amazon.EC2.Model;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Ec2;

/// <summary>
/// Security groups ebops owns: created in a VPC with the ownership tags (TagSpecifications, so the group is never
/// untagged), inbound rules kept equal to the desired ones (missing rules authorized before extra ones are revoked, so
/// access never drops in between), deleted idempotently. CreateSecurityGroup takes no client token: a create first
/// looks the group up by its ownership tags, then by its name in the VPC (names are unique per VPC), so a lost
/// response never makes a second group. Steady-state reads come from one snapshot of every group tagged with the
/// cluster (one paginated DescribeSecurityGroups serves every owner). Egress rules are not managed.
/// </summary>
public sealed class SecurityGroupManager : IResourceManager<SecurityGroupDesired, SecurityGroupObserved>
{
    public const string ResourceType = "security group";

    private readonly IEc2Api ec2;
    private readonly ILogger<SecurityGroupManager> logger;

    public SecurityGroupManager(IEc2Api ec2, ManagerSettings settings, TimeProvider time, ILogger<SecurityGroupManager> logger)
    {
        this.ec2 = ec2;
        this.logger = logger;
        Snapshot = new SnapshotReader<SecurityGroup>(
            ct => ec2.DescribeSecurityGroupsAsync([new Filter("tag:" + OwnershipTags.Cluster, [settings.ClusterName])], ct),
            (id, ct) => ec2.FindSecurityGroupAsync(id, ct),
            g => g.GroupId,
            settings.SnapshotMaxAge,
            time)
        {
            RecentMaxAge = settings.RecentMaxAge,
        };
    }

    /// <summary>The steady-state snapshot of the cluster's groups (its <see cref="SnapshotReader{T}.Loads"/> counts describes).</summary>
    public SnapshotReader<SecurityGroup> Snapshot { get; }

    public Task<SecurityGroupObserved?> ReadAsync(SecurityGroupDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired, ReadMode.Live, cancellationToken);

    /// <summary>
    /// The group by <see cref="SecurityGroupDesired.GroupId"/> (from the snapshot when <paramref name="mode"/> allows),
    /// or, when the id is unknown, by the ownership tags (always live). Null when it does not exist.
    /// </summary>
    public async Task<SecurityGroupObserved?> ReadAsync(SecurityGroupDesired desired, ReadMode mode, CancellationToken cancellationToken)
    {
        if (desired.GroupId is { } id)
        {
            return Observe(await Snapshot.ReadAsync(id, mode, cancellationToken).ConfigureAwait(false));
        }

        return await FindOwnedAsync(desired.Owner, desired.Component, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The group with <paramref name="groupId"/>, whoever owns it (for adoption and references), or null.</summary>
    public async Task<SecurityGroupObserved?> FindByIdAsync(string groupId, ReadMode mode, CancellationToken cancellationToken) =>
        Observe(await Snapshot.ReadAsync(groupId, mode, cancellationToken).ConfigureAwait(false));

    /// <summary>The group carrying the ownership tags of (<paramref name="owner"/>, <paramref name="component"/>), or null.</summary>
    public async Task<SecurityGroupObserved?> FindOwnedAsync(ResourceOwner owner, string component, CancellationToken cancellationToken)
    {
        var filters = new List<Filter>
        {
            new("tag:" + OwnershipTags.Cluster, [owner.Cluster]),
            new("tag:" + OwnershipTags.Kind, [owner.Kind]),
            new("tag:" + OwnershipTags.Namespace, [owner.Namespace]),
            new("tag:" + OwnershipTags.Name, [owner.Name]),
            new("tag:" + OwnershipTags.Component, [component]),
        };
        var found = await ec2.DescribeSecurityGroupsAsync(filters, cancellationToken).ConfigureAwait(false);
        return Observe(found.OrderBy(g => g.GroupId, StringComparer.Ordinal).FirstOrDefault());
    }

    /// <summary>The group named <paramref name="groupName"/> in <paramref name="vpcId"/>, whoever owns it, or null.</summary>
    public async Task<SecurityGroupObserved?> FindByNameAsync(string vpcId, string groupName, CancellationToken cancellationToken)
    {
        var found = await ec2.DescribeSecurityGroupsAsync([new Filter("vpc-id", [vpcId]), new Filter("group-name", [groupName])], cancellationToken)
            .ConfigureAwait(false);
        return Observe(found.FirstOrDefault());
    }

    /// <summary>Inbound rules (by <see cref="IngressRule.Key"/>) and ownership tags.</summary>
    public Delta Diff(SecurityGroupDesired desired, SecurityGroupObserved observed)
    {
        var wrongTags = desired.Tags.Where(t => !observed.Tags.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => t.Key).ToList();
        return new DeltaBuilder()
            .CompareSet("Ingress", desired.Ingress.Select(r => r.Key), observed.Ingress.Select(r => r.Key))
            .Add("Tags", wrongTags.Count > 0, string.Join(",", wrongTags), null)
            .Build();
    }

    /// <summary>
    /// Creates the group with the desired rules, unless one with the ownership tags or our name exists already (an
    /// earlier attempt's): then that one is returned (a later Diff/Update brings its rules in line). A group with our
    /// name that ebops does not own is an <see cref="UnmanagedResourceException"/>.
    /// </summary>
    public async Task<SecurityGroupObserved> CreateAsync(SecurityGroupDesired desired, CancellationToken cancellationToken)
    {
        if (await FindOwnedAsync(desired.Owner, desired.Component, cancellationToken).ConfigureAwait(false) is { } owned)
        {
            Log.SecurityGroupTakenOver(logger, owned.GroupId, owned.GroupName);
            return owned;
        }

        var vpcId = desired.VpcId ?? throw new InvalidOperationException("A security group can only be created in a known VPC.");
        if (await FindByNameAsync(vpcId, desired.GroupName, cancellationToken).ConfigureAwait(false) is { } named)
        {
            return Claim(desired, named);
        }

        string groupId;
        try
        {
            groupId = await ec2.CreateSecurityGroupAsync(desired.GroupName, desired.Description, vpcId, desired.Tags, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
            // An earlier create landed but did not show in the look-ups yet (eventual consistency), or someone else's
            // group took the name meanwhile: look again; when it is still invisible, the caller retries later.
            if (await FindByNameAsync(vpcId, desired.GroupName, cancellationToken).ConfigureAwait(false) is { } again)
            {
                return Claim(desired, again);
            }

            throw;
        }

        Log.SecurityGroupCreated(logger, groupId, desired.GroupName, vpcId);
        Snapshot.Invalidate(groupId);
        if (desired.Ingress.Count > 0)
        {
            await ec2.AuthorizeIngressAsync(groupId, ToPermissions(desired.Ingress), cancellationToken).ConfigureAwait(false);
            Log.SecurityGroupRulesChanged(logger, groupId, Keys(desired.Ingress), "");
        }

        return new SecurityGroupObserved(groupId, desired.GroupName, vpcId, desired.Tags, desired.Ingress);
    }

    /// <summary>Adds the ownership tags (for a group taken over from an earlier owner incarnation) and brings the rules in line.</summary>
    public async Task<SecurityGroupObserved> UpdateAsync(SecurityGroupDesired desired, SecurityGroupObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        var id = observed.GroupId;
        if (delta.Has("Tags"))
        {
            await ec2.CreateTagsAsync([id], desired.Tags, cancellationToken).ConfigureAwait(false);
            Log.SecurityGroupTagged(logger, id, observed.Adopted);
        }

        if (delta.Has("Ingress"))
        {
            var want = desired.Ingress.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var have = observed.Ingress.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var missing = desired.Ingress.Where(r => !have.Contains(r.Key)).DistinctBy(r => r.Key).ToList();
            var extra = observed.Ingress.Where(r => !want.Contains(r.Key)).ToList();
            if (missing.Count > 0)
            {
                await ec2.AuthorizeIngressAsync(id, ToPermissions(missing), cancellationToken).ConfigureAwait(false);
            }

            if (extra.Count > 0)
            {
                await ec2.RevokeIngressAsync(id, ToPermissions(extra), cancellationToken).ConfigureAwait(false);
            }

            Log.SecurityGroupRulesChanged(logger, id, Keys(missing), Keys(extra));
        }

        Snapshot.Invalidate(id);
        return await FindByIdAsync(id, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            ?? observed with { Tags = desired.Tags, Ingress = desired.Ingress };
    }

    /// <summary>Adopts a group that existed before ebops: adds the ownership tags and <see cref="OwnershipTags.Adopted"/>.
    /// Its rules are brought in line by a later Diff/Update.</summary>
    public async Task<SecurityGroupObserved> AdoptAsync(SecurityGroupDesired desired, SecurityGroupObserved observed, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(desired.Tags, StringComparer.Ordinal) { [OwnershipTags.Adopted] = "true" };
        await ec2.CreateTagsAsync([observed.GroupId], tags, cancellationToken).ConfigureAwait(false);
        Snapshot.Invalidate(observed.GroupId);
        Log.SecurityGroupTagged(logger, observed.GroupId, true);
        var merged = new Dictionary<string, string>(observed.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            merged[key] = value;
        }

        return observed with { Tags = merged };
    }

    /// <summary>Deletes the group; done when it is gone. A group still in use (an instance's ENI, another group's rule)
    /// fails with <c>DependencyViolation</c>, a Conflict to retry later.</summary>
    public async Task DeleteAsync(SecurityGroupObserved observed, CancellationToken cancellationToken)
    {
        await ec2.DeleteSecurityGroupAsync(observed.GroupId, cancellationToken).ConfigureAwait(false);
        Snapshot.Invalidate(observed.GroupId);
        Log.SecurityGroupDeleted(logger, observed.GroupId);
    }

    /// <summary>EC2's shape of <paramref name="rules"/>: one permission per rule (one peer each).</summary>
    public static List<IpPermission> ToPermissions(IEnumerable<IngressRule> rules) => [.. rules.Select(r => new IpPermission
    {
        IpProtocol = r.Protocol,
        FromPort = r.Protocol == IngressRule.AllProtocols ? null : r.FromPort,
        ToPort = r.Protocol == IngressRule.AllProtocols ? null : r.ToPort,
        Ipv4Ranges = r.Cidr is null ? [] : [new IpRange { CidrIp = r.Cidr, Description = r.Description }],
        UserIdGroupPairs = r.SourceGroupId is null ? [] : [new UserIdGroupPair { GroupId = r.SourceGroupId, Description = r.Description }],
    })];

    /// <summary>The rules of EC2's permissions, one per peer (IPv6 ranges and prefix lists are not represented).</summary>
    public static IReadOnlyList<IngressRule> FromPermissions(IEnumerable<IpPermission>? permissions) =>
    [
        .. (permissions ?? []).SelectMany(p =>
        {
            var protocol = p.IpProtocol ?? IngressRule.AllProtocols;
            int? from = protocol == IngressRule.AllProtocols ? null : p.FromPort;
            int? to = protocol == IngressRule.AllProtocols ? null : p.ToPort;
            return (p.Ipv4Ranges ?? []).Select(r => new IngressRule(protocol, from, to, r.CidrIp, null, r.Description))
                .Concat((p.UserIdGroupPairs ?? []).Select(g => new IngressRule(protocol, from, to, null, g.GroupId, g.Description)));
        }),
    ];

    private static SecurityGroupObserved? Observe(SecurityGroup? group) => group is null
        ? null
        : new SecurityGroupObserved(
            group.GroupId,
            group.GroupName,
            group.VpcId,
            (group.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
            FromPermissions(group.IpPermissions));

    private static SecurityGroupObserved Claim(SecurityGroupDesired desired, SecurityGroupObserved found)
    {
        if (desired.Owner.Owns(found.Tags, desired.Component))
        {
            return found;
        }

        throw ResourceOwner.IsManaged(found.Tags)
            ? UnmanagedResourceException.OwnedByOther(ResourceType, $"{found.GroupName} ({found.GroupId})", found.Tags)
            : UnmanagedResourceException.NotManaged(ResourceType, $"{found.GroupName} ({found.GroupId})");
    }

    private static string Keys(IEnumerable<IngressRule> rules) => string.Join(", ", rules.Select(r => r.Key));
}
