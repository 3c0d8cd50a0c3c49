using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// DB parameter groups ebops owns: created with the family and the ownership tags, overrides set with
/// ModifyDBParameterGroup (static parameters with ApplyMethod pending-reboot, dynamic ones immediate, as the family's
/// catalogue says; at most 20 per call, RDS's limit). Names are unique, so a create looks the name up first and an
/// <c>AlreadyExists</c> is an earlier attempt's group (taken over only when it carries our tags). Reading the values
/// (DescribeDBParameters, paginated) is a separate, deliberate call: the caller decides how often it is worth it.
/// Parameters not among the overrides are left as they are (removing an override does not reset it).
/// </summary>
public sealed class ParameterGroupManager : IResourceManager<ParameterGroupDesired, ParameterGroupObserved>
{
    public const string ResourceType = "DB parameter group";
    private const int MaxParametersPerCall = 20;

    private readonly IRdsApi rds;
    private readonly RdsCatalog catalog;
    private readonly ILogger<ParameterGroupManager> logger;

    public ParameterGroupManager(IRdsApi rds, RdsCatalog catalog, ManagerSettings settings, TimeProvider time, ILogger<ParameterGroupManager> logger)
    {
        this.rds = rds;
        this.catalog = catalog;
        this.logger = logger;
        Snapshot = new SnapshotReader<DBParameterGroup>(
            async ct =>
            {
                var all = new List<DBParameterGroup>();
                await foreach (var g in rds.DescribeDBParameterGroupsAllAsync(new DescribeDBParameterGroupsRequest(), ct).ConfigureAwait(false))
                {
                    all.Add(g);
                }

                return all;
            },
            (name, ct) => rds.FindDBParameterGroupAsync(name, ct),
            g => Key(g.DBParameterGroupName ?? ""),
            settings.SnapshotMaxAge,
            time)
        {
            RecentMaxAge = settings.RecentMaxAge,
        };
    }

    public SnapshotReader<DBParameterGroup> Snapshot { get; }

    /// <summary>The group with its values (a live read).</summary>
    public async Task<ParameterGroupObserved?> ReadAsync(ParameterGroupDesired desired, CancellationToken cancellationToken) =>
        await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } found
            ? await WithValuesAsync(found, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The group named <paramref name="name"/> without values or tags, or null.</summary>
    public async Task<ParameterGroupObserved?> ReadAsync(string name, ReadMode mode, CancellationToken cancellationToken) =>
        Observe(await Snapshot.ReadAsync(Key(name), mode, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads the values set on the group (DescribeDBParameters Source=user, all pages).</summary>
    public async Task<ParameterGroupObserved> WithValuesAsync(ParameterGroupObserved observed, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new DescribeDBParametersRequest { DBParameterGroupName = observed.Name, Source = RdsStatuses.ParameterSourceUser };
        await foreach (var p in rds.DescribeDBParametersAllAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (p.ParameterName is { } name)
            {
                values[name] = p.ParameterValue ?? "";
            }
        }

        return observed with { UserParameters = values };
    }

    /// <summary>The group's tags (one ListTagsForResource).</summary>
    public async Task<ParameterGroupObserved> WithTagsAsync(ParameterGroupObserved observed, CancellationToken cancellationToken)
    {
        var response = await rds.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = observed.Arn }, cancellationToken).ConfigureAwait(false);
        return observed with { Tags = RdsTags.ToDictionary(response.TagList) };
    }

    /// <summary>The family, and each override whose value differs (<c>Parameters.time_zone</c>); values are compared
    /// only when <see cref="ParameterGroupObserved.UserParameters"/> was read.</summary>
    public Delta Diff(ParameterGroupDesired desired, ParameterGroupObserved observed)
    {
        var delta = new DeltaBuilder().Compare("Family", desired.Family, observed.Family);
        if (observed.UserParameters is { } values)
        {
            foreach (var (name, value) in desired.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                delta.Compare("Parameters." + name, value, values.GetValueOrDefault(name));
            }
        }

        return delta.Build();
    }

    /// <summary>Creates the group with the ownership tags and sets the overrides, or returns (and completes: only the
    /// values that differ are set) the group an earlier attempt created.</summary>
    public async Task<ParameterGroupObserved> CreateAsync(ParameterGroupDesired desired, CancellationToken cancellationToken)
    {
        ParameterGroupObserved created;
        var existed = true;
        if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            created = await ClaimAsync(desired, existing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                var response = await rds.CreateDBParameterGroupAsync(new CreateDBParameterGroupRequest
                {
                    DBParameterGroupName = desired.Name,
                    DBParameterGroupFamily = desired.Family,
                    Description = desired.Description,
                    Tags = RdsTags.ToList(desired.Tags),
                }, cancellationToken).ConfigureAwait(false);
                Snapshot.Invalidate(Key(desired.Name));
                Log.Created(logger, ResourceType, desired.Name);
                created = Observe(response.DBParameterGroup) ?? new ParameterGroupObserved(desired.Name, desired.Family, "");
                existed = false;
            }
            catch (AwsApiException e) when (e.IsAlreadyExists)
            {
                // An earlier attempt's create landed; while it is not visible yet, the caller retries later.
                if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is not { } landed)
                {
                    throw;
                }

                created = await ClaimAsync(desired, landed, cancellationToken).ConfigureAwait(false);
            }
        }

        // A group an earlier attempt created may already hold some or all values: set only what differs.
        var values = existed
            ? (await WithValuesAsync(created, cancellationToken).ConfigureAwait(false)).UserParameters!
            : new Dictionary<string, string>();

        var missing = desired.Parameters.Where(p => values.GetValueOrDefault(p.Key) != p.Value).ToDictionary(StringComparer.Ordinal);
        await SetAsync(created.Name, desired.Family, missing, cancellationToken).ConfigureAwait(false);
        var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (name, value) in missing)
        {
            merged[name] = value;
        }

        return created with { UserParameters = merged };
    }

    /// <summary>Sets the overrides that differ. A family difference cannot be updated (it needs a new group).</summary>
    public async Task<ParameterGroupObserved> UpdateAsync(ParameterGroupDesired desired, ParameterGroupObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        var changed = desired.Parameters.Where(p => delta.Has("Parameters." + p.Key)).ToDictionary(StringComparer.Ordinal);
        await SetAsync(observed.Name, desired.Family, changed, cancellationToken).ConfigureAwait(false);
        if (changed.Count > 0)
        {
            Log.Updated(logger, ResourceType, observed.Name, delta.ToString());
        }

        var values = new Dictionary<string, string>(observed.UserParameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in changed)
        {
            values[name] = value;
        }

        return observed with { UserParameters = values };
    }

    /// <summary>Adds the ownership tags and <see cref="OwnershipTags.Adopted"/> to a group that existed before ebops.</summary>
    public async Task<ParameterGroupObserved> AdoptAsync(ParameterGroupDesired desired, ParameterGroupObserved observed, CancellationToken cancellationToken)
    {
        var tags = RdsTags.Adopted(desired.Owner, ParameterGroupDesired.Component);
        await rds.AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = observed.Arn, Tags = RdsTags.ToList(tags) }, cancellationToken).ConfigureAwait(false);
        Log.Adopted(logger, ResourceType, observed.Name);
        return observed with { Tags = tags };
    }

    /// <summary>Deletes the group; done when it is gone. A group an instance still uses is a Conflict (retry later).</summary>
    public async Task DeleteAsync(ParameterGroupObserved observed, CancellationToken cancellationToken)
    {
        try
        {
            await rds.DeleteDBParameterGroupAsync(new DeleteDBParameterGroupRequest { DBParameterGroupName = observed.Name }, cancellationToken).ConfigureAwait(false);
            Log.Deleted(logger, ResourceType, observed.Name);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
        }

        Snapshot.Invalidate(Key(observed.Name));
    }

    private async Task SetAsync(string name, string family, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return;
        }

        var definitions = await catalog.ParametersAsync(family, cancellationToken).ConfigureAwait(false);
        var parameters = values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new Parameter
        {
            ParameterName = p.Key,
            ParameterValue = p.Value,
            ApplyMethod = definitions.Find(p.Key)?.ApplyMethod ?? RdsStatuses.ApplyPendingReboot,
        }).ToList();
        foreach (var batch in parameters.Chunk(MaxParametersPerCall))
        {
            await rds.ModifyDBParameterGroupAsync(new ModifyDBParameterGroupRequest { DBParameterGroupName = name, Parameters = batch }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<ParameterGroupObserved> ClaimAsync(ParameterGroupDesired desired, ParameterGroupObserved found, CancellationToken cancellationToken)
    {
        var tagged = found.Tags is null ? await WithTagsAsync(found, cancellationToken).ConfigureAwait(false) : found;
        RdsTags.Claim(desired.Owner, ParameterGroupDesired.Component, tagged.Tags!, ResourceType, found.Name);
        Log.TakenOver(logger, ResourceType, found.Name);
        return tagged;
    }

    /// <summary>RDS stores parameter group names in lower case.</summary>
    private static string Key(string name) => name.ToLowerInvariant();

    private static ParameterGroupObserved? Observe(DBParameterGroup? group) => group?.DBParameterGroupName is null
        ? null
        : new ParameterGroupObserved(group.DBParameterGroupName, group.DBParameterGroupFamily ?? "", group.DBParameterGroupArn ?? "");
}
