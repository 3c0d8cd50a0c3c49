using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// DB subnet groups ebops owns. Names are unique per account and region, so a create first looks the name up (and its
/// tags: only ours are taken over), and <c>DBSubnetGroupAlreadyExists</c> means an earlier attempt's create landed.
/// The subnets follow the spec through ModifyDBSubnetGroup. Steady-state reads come from one snapshot of every subnet
/// group (DescribeDBSubnetGroups carries no tags and takes no tag filter, so the snapshot holds the account's groups).
/// </summary>
public sealed class SubnetGroupManager : IResourceManager<SubnetGroupDesired, SubnetGroupObserved>
{
    public const string ResourceType = "DB subnet group";

    private readonly IRdsApi rds;
    private readonly ILogger<SubnetGroupManager> logger;

    public SubnetGroupManager(IRdsApi rds, ManagerSettings settings, TimeProvider time, ILogger<SubnetGroupManager> logger)
    {
        this.rds = rds;
        this.logger = logger;
        Snapshot = new SnapshotReader<DBSubnetGroup>(
            async ct =>
            {
                var all = new List<DBSubnetGroup>();
                await foreach (var g in rds.DescribeDBSubnetGroupsAllAsync(new DescribeDBSubnetGroupsRequest(), ct).ConfigureAwait(false))
                {
                    all.Add(g);
                }

                return all;
            },
            (name, ct) => rds.FindDBSubnetGroupAsync(name, ct),
            g => Key(g.DBSubnetGroupName ?? ""),
            settings.SnapshotMaxAge,
            time)
        {
            RecentMaxAge = settings.RecentMaxAge,
        };
    }

    public SnapshotReader<DBSubnetGroup> Snapshot { get; }

    public Task<SubnetGroupObserved?> ReadAsync(SubnetGroupDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Name, ReadMode.Live, cancellationToken);

    /// <summary>The group named <paramref name="name"/> (tags not read), or null.</summary>
    public async Task<SubnetGroupObserved?> ReadAsync(string name, ReadMode mode, CancellationToken cancellationToken) =>
        Observe(await Snapshot.ReadAsync(Key(name), mode, cancellationToken).ConfigureAwait(false));

    /// <summary>The group's tags (one ListTagsForResource).</summary>
    public async Task<SubnetGroupObserved> WithTagsAsync(SubnetGroupObserved observed, CancellationToken cancellationToken)
    {
        var response = await rds.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = observed.Arn }, cancellationToken).ConfigureAwait(false);
        return observed with { Tags = RdsTags.ToDictionary(response.TagList) };
    }

    /// <summary>The subnets.</summary>
    public Delta Diff(SubnetGroupDesired desired, SubnetGroupObserved observed) =>
        new DeltaBuilder().CompareSet("SubnetIds", desired.SubnetIds, observed.SubnetIds).Build();

    /// <summary>Creates the group with the ownership tags, or returns the one an earlier attempt created; a group
    /// with the name that is not ours is an <see cref="UnmanagedResourceException"/>.</summary>
    public async Task<SubnetGroupObserved> CreateAsync(SubnetGroupDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await ClaimAsync(desired, existing, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var response = await rds.CreateDBSubnetGroupAsync(new CreateDBSubnetGroupRequest
            {
                DBSubnetGroupName = desired.Name,
                DBSubnetGroupDescription = desired.Description,
                SubnetIds = desired.SubnetIds,
                Tags = RdsTags.ToList(desired.Tags),
            }, cancellationToken).ConfigureAwait(false);
            Snapshot.Invalidate(Key(desired.Name));
            Log.Created(logger, ResourceType, desired.Name);
            return Observe(response.DBSubnetGroup) ?? new SubnetGroupObserved(desired.Name, "", null, desired.SubnetIds, null, desired.Tags);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
            if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } landed)
            {
                return await ClaimAsync(desired, landed, cancellationToken).ConfigureAwait(false);
            }

            throw;
        }
    }

    public async Task<SubnetGroupObserved> UpdateAsync(SubnetGroupDesired desired, SubnetGroupObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        if (!delta.Has("SubnetIds"))
        {
            return observed;
        }

        var response = await rds.ModifyDBSubnetGroupAsync(new ModifyDBSubnetGroupRequest
        {
            DBSubnetGroupName = observed.Name,
            DBSubnetGroupDescription = desired.Description,
            SubnetIds = desired.SubnetIds,
        }, cancellationToken).ConfigureAwait(false);
        Snapshot.Invalidate(Key(observed.Name));
        Log.Updated(logger, ResourceType, observed.Name, delta.ToString());
        return Observe(response.DBSubnetGroup) ?? observed with { SubnetIds = desired.SubnetIds };
    }

    /// <summary>Adds the ownership tags and <see cref="OwnershipTags.Adopted"/> to a group that existed before ebops.</summary>
    public async Task<SubnetGroupObserved> AdoptAsync(SubnetGroupDesired desired, SubnetGroupObserved observed, CancellationToken cancellationToken)
    {
        var tags = RdsTags.Adopted(desired.Owner, SubnetGroupDesired.Component);
        await rds.AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = observed.Arn, Tags = RdsTags.ToList(tags) }, cancellationToken).ConfigureAwait(false);
        Log.Adopted(logger, ResourceType, observed.Name);
        return observed with { Tags = tags };
    }

    /// <summary>Deletes the group; done when it is gone. A group an instance still uses is a Conflict (retry later).</summary>
    public async Task DeleteAsync(SubnetGroupObserved observed, CancellationToken cancellationToken)
    {
        try
        {
            await rds.DeleteDBSubnetGroupAsync(new DeleteDBSubnetGroupRequest { DBSubnetGroupName = observed.Name }, cancellationToken).ConfigureAwait(false);
            Log.Deleted(logger, ResourceType, observed.Name);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
        }

        Snapshot.Invalidate(Key(observed.Name));
    }

    private async Task<SubnetGroupObserved> ClaimAsync(SubnetGroupDesired desired, SubnetGroupObserved found, CancellationToken cancellationToken)
    {
        var tagged = found.Tags is null ? await WithTagsAsync(found, cancellationToken).ConfigureAwait(false) : found;
        RdsTags.Claim(desired.Owner, SubnetGroupDesired.Component, tagged.Tags!, ResourceType, found.Name);
        Log.TakenOver(logger, ResourceType, found.Name);
        return tagged;
    }

    /// <summary>RDS stores subnet group names in lower case.</summary>
    private static string Key(string name) => name.ToLowerInvariant();

    private static SubnetGroupObserved? Observe(DBSubnetGroup? group) => group?.DBSubnetGroupName is null
        ? null
        : new SubnetGroupObserved(
            group.DBSubnetGroupName,
            group.DBSubnetGroupArn ?? "",
            group.VpcId,
            [.. (group.Subnets ?? []).Select(s => s.SubnetIdentifier).OfType<string>()],
            group.SubnetGroupStatus);
}
