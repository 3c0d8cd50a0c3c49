using System.Globalization;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// The DB instances ebops owns. CreateDBInstance takes no client token, so a create first reads the identifier
/// (unique per account and region): an instance carrying our ownership tags is an earlier attempt's and is taken over;
/// one without them is an <see cref="UnmanagedResourceException"/>. Changes go out in one ModifyDBInstance with
/// ApplyImmediately (the spec is the desired state now, not at the next maintenance window); the engine version only
/// moves up and storage only grows. Callers must not modify or reboot an instance that is not available. Steady-state
/// reads come from one snapshot of every instance tagged with the cluster (DescribeDBInstances, all pages: it takes no
/// tag filter, but each description carries its tags).
/// </summary>
public sealed class DbInstanceManager : IResourceManager<DbInstanceDesired, DbInstanceObserved>
{
    public const string ResourceType = "DB instance";

    private readonly IRdsApi rds;
    private readonly ILogger<DbInstanceManager> logger;

    public DbInstanceManager(IRdsApi rds, ManagerSettings settings, TimeProvider time, ILogger<DbInstanceManager> logger)
    {
        this.rds = rds;
        this.logger = logger;
        Snapshot = new SnapshotReader<DBInstance>(
            async ct =>
            {
                var owned = new List<DBInstance>();
                await foreach (var i in rds.DescribeDBInstancesAllAsync(new DescribeDBInstancesRequest(), ct).ConfigureAwait(false))
                {
                    if (RdsTags.ToDictionary(i.TagList).TryGetValue(OwnershipTags.Cluster, out var cluster) && cluster == settings.ClusterName)
                    {
                        owned.Add(i);
                    }
                }

                return owned;
            },
            (identifier, ct) => rds.FindDBInstanceAsync(identifier, ct),
            i => Key(i.DBInstanceIdentifier ?? ""),
            settings.SnapshotMaxAge,
            time)
        {
            RecentMaxAge = settings.RecentMaxAge,
        };
    }

    public SnapshotReader<DBInstance> Snapshot { get; }

    public Task<DbInstanceObserved?> ReadAsync(DbInstanceDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Identifier, ReadMode.Live, cancellationToken);

    /// <summary>The instance <paramref name="identifier"/>, or null when it does not exist (a deleted one is gone once
    /// RDS stops describing it).</summary>
    public async Task<DbInstanceObserved?> ReadAsync(string identifier, ReadMode mode, CancellationToken cancellationToken) =>
        Observe(await Snapshot.ReadAsync(Key(identifier), mode, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// What an update can change: <c>EngineVersion</c> (upgrades only), <c>InstanceClass</c>, <c>AllocatedStorage</c>
    /// (growth only), <c>PubliclyAccessible</c>, <c>ParameterGroupName</c>, <c>SecurityGroupIds</c>,
    /// <c>DeletionProtection</c>, <c>Tags</c>. Values RDS already holds as pending modifications count as applied.
    /// </summary>
    public Delta Diff(DbInstanceDesired desired, DbInstanceObserved observed)
    {
        var version = observed.Effective("EngineVersion", observed.EngineVersion);
        var storage = int.Parse(observed.Effective("AllocatedStorage", observed.AllocatedStorage.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var wrongTags = desired.Tags.Where(t => !observed.Tags.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => t.Key).ToList();
        var delta = new DeltaBuilder()
            .Add("EngineVersion", EngineVersions.IsUpgrade(desired.EngineVersion, version), desired.EngineVersion, version)
            .Compare("InstanceClass", desired.InstanceClass, observed.Effective("DBInstanceClass", observed.InstanceClass))
            .Add("AllocatedStorage", desired.AllocatedStorage > storage, Format(desired.AllocatedStorage), Format(storage))
            .Compare("PubliclyAccessible", desired.PubliclyAccessible, observed.PubliclyAccessible);
        if (desired.ParameterGroupName is { } group)
        {
            delta.Add("ParameterGroupName", !string.Equals(group, observed.ParameterGroupName, StringComparison.OrdinalIgnoreCase), group, observed.ParameterGroupName);
        }

        if (desired.SecurityGroupIds is { } groups)
        {
            delta.CompareSet("SecurityGroupIds", groups, observed.SecurityGroupIds);
        }

        return delta
            .Compare("DeletionProtection", desired.DeletionProtection, observed.DeletionProtection)
            .Add("Tags", wrongTags.Count > 0, string.Join(",", wrongTags), null)
            .Build();
    }

    /// <summary>Creates the instance (tagged at creation), or takes over the one an earlier attempt created.</summary>
    public async Task<DbInstanceObserved> CreateAsync(DbInstanceDesired desired, CancellationToken cancellationToken) =>
        (await CreateOrTakeOverAsync(desired, cancellationToken).ConfigureAwait(false)).Instance;

    /// <summary>
    /// <see cref="CreateAsync"/>, telling whether this call created the instance (then it runs with
    /// <see cref="DbInstanceDesired.MasterPassword"/>) or took over one that existed (whose password is unknown).
    /// </summary>
    public async Task<(DbInstanceObserved Instance, bool Created)> CreateOrTakeOverAsync(DbInstanceDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired.Identifier, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (Claim(desired, existing), false);
        }

        var password = desired.MasterPassword ?? throw new InvalidOperationException("Creating a DB instance needs the master password.");
        try
        {
            var response = await rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
            {
                DBInstanceIdentifier = desired.Identifier,
                Engine = desired.Engine,
                EngineVersion = desired.EngineVersion,
                DBInstanceClass = desired.InstanceClass,
                AllocatedStorage = desired.AllocatedStorage,
                DBName = desired.DbName,
                MasterUsername = desired.MasterUsername,
                MasterUserPassword = password.Reveal(),
                PubliclyAccessible = desired.PubliclyAccessible,
                DBParameterGroupName = desired.ParameterGroupName,
                DBSubnetGroupName = desired.SubnetGroupName,
                VpcSecurityGroupIds = desired.SecurityGroupIds,
                DeletionProtection = desired.DeletionProtection,
                Tags = RdsTags.ToList(desired.Tags),
            }, cancellationToken).ConfigureAwait(false);
            Snapshot.Invalidate(Key(desired.Identifier));
            Log.Created(logger, ResourceType, desired.Identifier);
            return (Observe(response.DBInstance) ?? throw new InvalidOperationException("CreateDBInstance returned no instance."), true);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
            // An earlier attempt's create landed; while it is not visible yet, the caller retries later.
            if (await ReadAsync(desired.Identifier, ReadMode.Live, cancellationToken).ConfigureAwait(false) is not { } landed)
            {
                throw;
            }

            return (Claim(desired, landed), false);
        }
    }

    /// <summary>One ModifyDBInstance (ApplyImmediately) with exactly the fields in <paramref name="delta"/>; tags with
    /// AddTagsToResource. The instance must be available.</summary>
    public async Task<DbInstanceObserved> UpdateAsync(DbInstanceDesired desired, DbInstanceObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        var result = observed;
        if (delta.Has("Tags"))
        {
            await rds.AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = observed.Arn, Tags = RdsTags.ToList(desired.Tags) }, cancellationToken)
                .ConfigureAwait(false);
            result = result with { Tags = Merge(result.Tags, desired.Tags) };
        }

        var modify = new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = observed.Identifier,
            ApplyImmediately = true,
            EngineVersion = delta.Has("EngineVersion") ? desired.EngineVersion : null,
            AllowMajorVersionUpgrade = delta.Has("EngineVersion") && EngineVersions.IsMajorChange(desired.EngineVersion, observed.EngineVersion) ? true : null,
            DBInstanceClass = delta.Has("InstanceClass") ? desired.InstanceClass : null,
            AllocatedStorage = delta.Has("AllocatedStorage") ? desired.AllocatedStorage : null,
            PubliclyAccessible = delta.Has("PubliclyAccessible") ? desired.PubliclyAccessible : null,
            DBParameterGroupName = delta.Has("ParameterGroupName") ? desired.ParameterGroupName : null,
            VpcSecurityGroupIds = delta.Has("SecurityGroupIds") ? desired.SecurityGroupIds : null,
            DeletionProtection = delta.Has("DeletionProtection") ? desired.DeletionProtection : null,
        };
        if (delta.Fields.Any(f => f != "Tags"))
        {
            var response = await rds.ModifyDBInstanceAsync(modify, cancellationToken).ConfigureAwait(false);
            result = Observe(response.DBInstance) ?? result;
        }

        Snapshot.Invalidate(Key(observed.Identifier));
        Log.Updated(logger, ResourceType, observed.Identifier, delta.ToString());
        return result;
    }

    /// <summary>Sets the master password (applied by RDS as soon as possible). The instance must be available.</summary>
    public async Task<DbInstanceObserved?> ChangeMasterPasswordAsync(string identifier, SecretText password, CancellationToken cancellationToken)
    {
        var response = await rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = identifier,
            MasterUserPassword = password.Reveal(),
            ApplyImmediately = true,
        }, cancellationToken).ConfigureAwait(false);
        Snapshot.Invalidate(Key(identifier));
        Log.PasswordChanged(logger, identifier);
        return Observe(response.DBInstance);
    }

    /// <summary>Reboots the instance (to apply pending-reboot parameters). The instance must be available.</summary>
    public async Task<DbInstanceObserved?> RebootAsync(string identifier, CancellationToken cancellationToken)
    {
        var response = await rds.RebootDBInstanceAsync(new RebootDBInstanceRequest { DBInstanceIdentifier = identifier }, cancellationToken).ConfigureAwait(false);
        Snapshot.Invalidate(Key(identifier));
        Log.Rebooting(logger, identifier);
        return Observe(response.DBInstance);
    }

    /// <summary>Adds the ownership tags and <see cref="OwnershipTags.Adopted"/> to an instance that existed before ebops.</summary>
    public async Task<DbInstanceObserved> AdoptAsync(DbInstanceDesired desired, DbInstanceObserved observed, CancellationToken cancellationToken)
    {
        var tags = RdsTags.Adopted(desired.Owner, DbInstanceDesired.Component);
        await rds.AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = observed.Arn, Tags = RdsTags.ToList(tags) }, cancellationToken).ConfigureAwait(false);
        Snapshot.Invalidate(Key(observed.Identifier));
        Log.Adopted(logger, ResourceType, observed.Identifier);
        return observed with { Tags = Merge(observed.Tags, tags) };
    }

    /// <summary>Deleting an instance needs a decision about its final snapshot: call
    /// <see cref="DeleteAsync(DbInstanceObserved, string?, CancellationToken)"/>.</summary>
    Task IResourceManager<DbInstanceDesired, DbInstanceObserved>.DeleteAsync(DbInstanceObserved observed, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Choose the final snapshot: DeleteAsync(observed, finalSnapshotIdentifier, cancellationToken).");

    /// <summary>
    /// Starts deleting the instance, with a final snapshot named <paramref name="finalSnapshotIdentifier"/> or none when
    /// it is null. Done when the instance is gone or already deleting (a retry after a lost response).
    /// </summary>
    public async Task DeleteAsync(DbInstanceObserved observed, string? finalSnapshotIdentifier, CancellationToken cancellationToken)
    {
        if (finalSnapshotIdentifier is null)
        {
            Log.DeletingWithoutSnapshot(logger, observed.Identifier);
        }
        else
        {
            Log.DeletingWithSnapshot(logger, observed.Identifier, finalSnapshotIdentifier);
        }

        try
        {
            await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest
            {
                DBInstanceIdentifier = observed.Identifier,
                SkipFinalSnapshot = finalSnapshotIdentifier is null,
                FinalDBSnapshotIdentifier = finalSnapshotIdentifier,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
        }
        catch (AwsApiException e) when (e.Code is RdsErrors.InvalidDBInstanceState or RdsErrors.DBSnapshotAlreadyExists)
        {
            // Already deleting (an earlier attempt's call landed) is done; anything else is retried later.
            if (await ReadAsync(observed.Identifier, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { Status: not RdsStatuses.Deleting })
            {
                throw;
            }
        }

        Snapshot.Invalidate(Key(observed.Identifier));
    }

    /// <summary>The snapshot <paramref name="identifier"/>, or null when it does not exist.</summary>
    public async Task<DbSnapshotObserved?> ReadSnapshotAsync(string identifier, CancellationToken cancellationToken)
    {
        try
        {
            var response = await rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = identifier }, cancellationToken).ConfigureAwait(false);
            return response.DBSnapshots?.FirstOrDefault() is { } s
                ? new DbSnapshotObserved(s.DBSnapshotIdentifier ?? identifier, s.DBInstanceIdentifier, s.Status ?? "", s.DBSnapshotArn)
                : null;
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static DbInstanceObserved Claim(DbInstanceDesired desired, DbInstanceObserved found)
    {
        RdsTags.Claim(desired.Owner, DbInstanceDesired.Component, found.Tags, ResourceType, found.Identifier);
        return found;
    }

    /// <summary>RDS stores identifiers in lower case.</summary>
    private static string Key(string identifier) => identifier.ToLowerInvariant();

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> added)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in added)
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>Maps RDS's description; null for null.</summary>
    public static DbInstanceObserved? Observe(DBInstance? i) => i?.DBInstanceIdentifier is null
        ? null
        : new DbInstanceObserved(
            i.DBInstanceIdentifier,
            i.DBInstanceArn ?? "",
            i.DBInstanceStatus ?? "",
            i.Engine ?? "",
            i.EngineVersion ?? "",
            i.DBInstanceClass ?? "",
            i.AllocatedStorage ?? 0,
            i.DBName,
            i.MasterUsername ?? "",
            i.PubliclyAccessible ?? false,
            i.DBParameterGroups?.FirstOrDefault()?.DBParameterGroupName,
            i.DBParameterGroups?.FirstOrDefault()?.ParameterApplyStatus,
            i.DBSubnetGroup?.DBSubnetGroupName,
            i.DBSubnetGroup?.VpcId,
            [.. (i.VpcSecurityGroups ?? []).Select(g => g.VpcSecurityGroupId).OfType<string>()],
            i.DeletionProtection ?? false,
            i.Endpoint?.Address,
            i.Endpoint?.Port,
            i.PreferredMaintenanceWindow,
            Pending(i.PendingModifiedValues),
            RdsTags.ToDictionary(i.TagList));

    private static Dictionary<string, string> Pending(PendingModifiedValues? p)
    {
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        if (p is null)
        {
            return pending;
        }

        Add(pending, "DBInstanceClass", p.DBInstanceClass);
        Add(pending, "AllocatedStorage", p.AllocatedStorage?.ToString(CultureInfo.InvariantCulture));
        Add(pending, "EngineVersion", p.EngineVersion);
        Add(pending, "MultiAZ", p.MultiAZ?.ToString(CultureInfo.InvariantCulture).ToLowerInvariant());
        Add(pending, "StorageType", p.StorageType);
        Add(pending, "DBSubnetGroupName", p.DBSubnetGroupName);
        Add(pending, "BackupRetentionPeriod", p.BackupRetentionPeriod?.ToString(CultureInfo.InvariantCulture));
        Add(pending, "Port", p.Port?.ToString(CultureInfo.InvariantCulture));
        Add(pending, "CACertificateIdentifier", p.CACertificateIdentifier);

        // RDS shows a pending password as ****; status never carries even that much.
        Add(pending, "MasterUserPassword", p.MasterUserPassword is null ? null : "(pending)");
        return pending;
    }

    private static void Add(Dictionary<string, string> pending, string key, string? value)
    {
        if (value is not null)
        {
            pending[key] = value;
        }
    }
}
