using System.Security.Cryptography;
using System.Text;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// DB instances and their rules: create (engine, version and class orderable together, storage, password, subnet
/// group, security groups in its VPC, a parameter group of the version's family), describe with filters, reboot, and
/// delete with the final-snapshot decision and deletion protection. ModifyDBInstance's rules are in
/// <see cref="RdsInstanceModifications"/>. Lifecycles: creating → backing-up → available, then modifying, rebooting,
/// deleting, each for its <see cref="RdsDurations"/> scaled by the world's timing.
/// </summary>
internal sealed class RdsInstanceStore
{
    private readonly SimWorld world;
    private readonly RdsInstanceTable instances;
    private readonly RdsParameterGroupStore parameterGroups;
    private readonly RdsSubnetGroupStore subnetGroups;
    private readonly RdsSnapshotStore snapshots;
    private readonly RdsInstanceModifications modifications;
    private readonly string endpointSuffix;
    private readonly byte[] passwordSalt;

    public RdsInstanceStore(SimWorld world, RdsInstanceTable instances, RdsParameterGroupStore parameterGroups,
        RdsSubnetGroupStore subnetGroups, RdsSnapshotStore snapshots)
    {
        this.world = world;
        this.instances = instances;
        this.parameterGroups = parameterGroups;
        this.subnetGroups = subnetGroups;
        this.snapshots = snapshots;
        modifications = new RdsInstanceModifications(world, this, parameterGroups, subnetGroups);
        endpointSuffix = world.Ids.Alnum(12);
        passwordSalt = Encoding.UTF8.GetBytes(world.Ids.HexString(32));
        world.AddSecurityGroupUsage(() => instances.All.SelectMany(i => i.SecurityGroupIds.Select(g => new SecurityGroupUse(g, "rds:" + i.Identifier))));
    }

    public RdsInstance Create(RdsCreateInstanceInput input)
    {
        lock (world.Gate)
        {
            instances.Advance();
            RdsNames.CheckIdentifier(input.Identifier, "DBInstanceIdentifier", 63);
            var id = input.Identifier.ToLowerInvariant();
            var version = CheckEngine(input);
            if (instances.Contains(id))
            {
                throw new AwsSimException(RdsErrors.InstanceAlreadyExists, "DB instance already exists");
            }

            var storage = CheckStorage(input);
            var username = input.MasterUsername is { Length: > 0 } name
                ? name
                : throw SimErrors.Invalid("The parameter MasterUsername must be provided and must not be blank.");
            if (input.ManageMasterUserPassword)
            {
                throw new AwsSimException("Unsupported", "The simulator does not manage master passwords in Secrets Manager.");
            }

            CheckPassword(input.MasterUserPassword);
            var instance = Build(input, id, version, storage, username);
            RdsWindows.Check(instance.PreferredMaintenanceWindow, instance.PreferredBackupWindow);
            foreach (var (key, value) in input.Tags)
            {
                instance.Tags[key] = value;
            }

            var created = After(world.Time.GetUtcNow(), RdsDurations.Creating);
            instance.Phases.Enqueue(new RdsPhase(RdsStatus.Creating, created));
            instance.Phases.Enqueue(new RdsPhase(RdsStatus.BackingUp, After(created, RdsDurations.BackingUp)));
            instances.Add(instance);
            world.Faults.NoteCreated(RdsNames.Service, id);
            return instance;
        }
    }

    /// <summary>The named instance, or the visible ones that pass every filter, sorted by identifier. Filters (API
    /// reference): db-instance-id (identifiers or ARNs), dbi-resource-id, engine, db-cluster-id and domain (the
    /// simulator has neither clusters nor domains, so these match nothing).</summary>
    public IReadOnlyList<RdsInstance> List(string? identifier, IReadOnlyList<(string Name, IReadOnlyList<string> Values)> filters)
    {
        lock (world.Gate)
        {
            instances.Advance();
            IEnumerable<RdsInstance> selected = identifier is not null
                ? [Find(identifier)]
                : instances.All.Where(i => !world.Faults.IsHidden(RdsNames.Service, i.Identifier));
            foreach (var (name, values) in filters)
            {
                selected = name switch
                {
                    "db-instance-id" => selected.Where(i => values.Any(v => RdsNames.IdFromIdentifierOrArn(v) == i.Identifier)),
                    "engine" => selected.Where(i => values.Contains(i.Engine)),
                    "dbi-resource-id" => selected.Where(i => values.Contains(i.ResourceId)),
                    "db-cluster-id" or "domain" => [],
                    _ => throw SimErrors.Invalid($"Unrecognized filter name: {name}"),
                };
            }

            return [.. selected.OrderBy(i => i.Identifier, StringComparer.Ordinal)];
        }
    }

    /// <summary>The instance an identifier or ARN names; DBInstanceNotFound (404) when it does not exist or is not
    /// visible yet.</summary>
    public RdsInstance Find(string identifier)
    {
        lock (world.Gate)
        {
            instances.Advance();
            var id = RdsNames.IdFromIdentifierOrArn(identifier);
            return instances.Get(id) is { } instance && !world.Faults.IsHidden(RdsNames.Service, id)
                ? instance
                : throw RdsErrors.InstanceMissing(identifier);
        }
    }

    public RdsInstance Modify(RdsModifyInstanceInput input)
    {
        lock (world.Gate)
        {
            var instance = Find(input.Identifier);
            if (instance.Status != RdsStatus.Available)
            {
                throw RdsErrors.NotAvailable(instance.Identifier);
            }

            modifications.Apply(instance, input);
            return instance;
        }
    }

    /// <summary>Reboots an available instance; a reboot applies pending-reboot parameter changes.</summary>
    public RdsInstance Reboot(string identifier)
    {
        lock (world.Gate)
        {
            var instance = Find(identifier);
            if (instance.Status != RdsStatus.Available)
            {
                throw RdsErrors.NotAvailable(instance.Identifier);
            }

            instance.Phases.Enqueue(new RdsPhase(RdsStatus.Rebooting, After(world.Time.GetUtcNow(), RdsDurations.Rebooting), () =>
            {
                instance.ParameterStatus = RdsStatus.InSync;
                instance.ApplyingUntil = default;
            }));
            return instance;
        }
    }

    /// <summary>
    /// Deletes an instance: exactly one of SkipFinalSnapshot and FinalDBSnapshotIdentifier, never while deletion
    /// protection is on, no final snapshot of an instance still being created, no snapshot id already taken.
    /// </summary>
    public RdsInstance Delete(string identifier, bool skipFinalSnapshot, string? finalSnapshotId)
    {
        lock (world.Gate)
        {
            var instance = Find(identifier);
            CheckDelete(instance, skipFinalSnapshot, finalSnapshotId);
            if (finalSnapshotId is not null)
            {
                snapshots.CreateFinal(finalSnapshotId.ToLowerInvariant(), instance, subnetGroups.Of(instance).VpcId);
            }

            // The running lifecycle (e.g. modifying) is cut short: deleting takes over.
            instance.Phases.Clear();
            instance.Phases.Enqueue(new RdsPhase(RdsStatus.Deleting, After(world.Time.GetUtcNow(), RdsDurations.Deleting),
                () => instance.Deleted = true));
            return instance;
        }
    }

    /// <summary>True when <paramref name="password"/> is the instance's current master password.</summary>
    public bool PasswordMatches(string identifier, string password)
    {
        lock (world.Gate)
        {
            instances.Advance();
            return instances.Get(identifier.ToLowerInvariant()) is { } instance && instance.PasswordHash == Hash(password);
        }
    }

    /// <summary>The instance's status now, or null when it does not exist.</summary>
    public string? StatusOf(string identifier)
    {
        lock (world.Gate)
        {
            instances.Advance();
            return instances.Get(identifier.ToLowerInvariant())?.Status;
        }
    }

    /// <summary>Every instance (for the state dump; call under the gate after <see cref="RdsInstanceTable.Advance"/>).</summary>
    public IEnumerable<RdsInstance> All => instances.All;

    internal string Hash(string password) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(passwordSalt, Encoding.UTF8.GetBytes(password)));

    internal DateTimeOffset After(DateTimeOffset from, TimeSpan realistic) => from + world.Timing.Of(realistic);

    /// <summary>
    /// The security groups a request names, each existing and in the subnet group's VPC; null when it names none.
    /// Reads the EC2 simulation directly: <see cref="ISimNetwork"/> does not tell a group's VPC or a VPC's default group.
    /// </summary>
    internal List<string>? SecurityGroupsFor(IReadOnlyList<string> ids, RdsSubnetGroup subnetGroup)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        foreach (var id in ids)
        {
            if (!world.Ec2.SecurityGroups.TryGetValue(id, out var group))
            {
                throw SimErrors.Invalid($"Invalid security group , groupId= {id} , groupName=.");
            }

            if (group.VpcId != subnetGroup.VpcId)
            {
                throw RdsErrors.Combination(
                    $"The DB instance and EC2 security group are in different VPCs. The DB instance is in {subnetGroup.VpcId} and the EC2 security group is in {group.VpcId}");
            }
        }

        return [.. ids.Distinct()];
    }

    /// <summary>Throws InvalidParameterValue unless the class is offered in the region, InvalidParameterCombination
    /// unless it is orderable for the version.</summary>
    internal static void CheckClass(string instanceClass, RdsEngineVersion version)
    {
        if (!RdsEngineCatalog.IsKnownClass(instanceClass))
        {
            throw RdsErrors.InvalidClass(instanceClass);
        }

        if (!RdsEngineCatalog.ClassesFor(version).Contains(instanceClass))
        {
            throw RdsErrors.UnsupportedCombination(instanceClass, version);
        }
    }

    internal static void CheckPassword(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw SimErrors.Invalid("The parameter MasterUserPassword must be provided and must not be blank.");
        }

        if (password.Length < 8)
        {
            throw SimErrors.Invalid("The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.");
        }

        if (password.Length > 41 || password.Any(c => c < 0x21 || c > 0x7e || c is '/' or '@' or '"'))
        {
            throw SimErrors.Invalid("The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.");
        }
    }

    private static RdsEngineVersion CheckEngine(RdsCreateInstanceInput input)
    {
        var engine = input.Engine.ToLowerInvariant();
        if (!RdsEngineCatalog.Engines.Contains(engine))
        {
            throw SimErrors.Invalid($"Invalid DB engine: {engine}");
        }

        var version = RdsEngineCatalog.Resolve(engine, input.EngineVersion)
            ?? throw RdsErrors.VersionNotFound(input.EngineVersion ?? "", engine);
        CheckClass(input.InstanceClass, version);
        return version;
    }

    private static int CheckStorage(RdsCreateInstanceInput input)
    {
        var storage = input.AllocatedStorage ?? throw SimErrors.Invalid("The parameter AllocatedStorage must be provided and must not be blank.");
        return storage is >= 20 and <= 65536
            ? storage
            : throw SimErrors.Invalid($"Invalid storage size for engine name {input.Engine.ToLowerInvariant()} and storage type {input.StorageType ?? "gp2"}: {storage}");
    }

    private RdsInstance Build(RdsCreateInstanceInput input, string id, RdsEngineVersion version, int storage, string username)
    {
        var subnetGroup = subnetGroups.Find(input.SubnetGroupName ?? RdsSubnetGroupStore.DefaultName);
        var securityGroups = SecurityGroupsFor(input.SecurityGroupIds, subnetGroup) ?? [DefaultSecurityGroup(subnetGroup.VpcId)];
        var parameterGroup = input.ParameterGroupName is { } groupName ? parameterGroups.Find(groupName) : parameterGroups.Default(version.Family);
        if (parameterGroup.Family != version.Family)
        {
            throw RdsErrors.FamilyMismatch(parameterGroup, version.Family);
        }

        var zone = input.AvailabilityZone
            ?? world.Network.FindSubnet(subnetGroup.SubnetIds[world.Ids.Next(0, subnetGroup.SubnetIds.Count)])?.AvailabilityZone
            ?? world.Region + "a";
        return new RdsInstance
        {
            Identifier = id,
            Arn = RdsNames.Arn(world, "db", id),
            ResourceId = "db-" + world.Ids.Alnum(26).ToUpperInvariant(),
            Engine = version.Engine,
            EngineVersion = version.Version,
            InstanceClass = input.InstanceClass,
            AllocatedStorage = storage,
            MasterUsername = username,
            PasswordHash = Hash(input.MasterUserPassword!),
            DbName = input.DbName,
            Port = input.Port ?? (version.Engine == "postgres" ? 5432 : 3306),
            EndpointAddress = $"{id}.{endpointSuffix}.{world.Region}.rds.amazonaws.com",
            SubnetGroupName = subnetGroup.Name,
            AvailabilityZone = zone,
            CreatedAt = world.Time.GetUtcNow(),
            SecurityGroupIds = securityGroups,
            ParameterGroupName = parameterGroup.Name,
            PubliclyAccessible = input.PubliclyAccessible ?? false,
            DeletionProtection = input.DeletionProtection ?? false,
            MultiAz = input.MultiAz ?? false,
            BackupRetentionPeriod = input.BackupRetentionPeriod ?? 1,
            StorageType = input.StorageType ?? "gp2",
            PreferredBackupWindow = input.PreferredBackupWindow ?? "17:00-17:30",
            PreferredMaintenanceWindow = input.PreferredMaintenanceWindow ?? "sun:18:00-sun:18:30",
        };
    }

    /// <summary>The VPC's default security group (what RDS uses when CreateDBInstance names none).</summary>
    private string DefaultSecurityGroup(string vpcId) =>
        world.Ec2.SecurityGroups.Values.First(g => g.VpcId == vpcId && g.GroupName == "default").GroupId;

    private void CheckDelete(RdsInstance instance, bool skipFinalSnapshot, string? finalSnapshotId)
    {
        if (instance.Status == RdsStatus.Deleting)
        {
            throw new AwsSimException(RdsErrors.InvalidInstanceState, $"Instance {instance.Identifier} is already being deleted.");
        }

        if (instance.DeletionProtection)
        {
            throw RdsErrors.Combination("Cannot delete protected DB Instance, please disable deletion protection and try again.");
        }

        if (!skipFinalSnapshot && finalSnapshotId is null)
        {
            throw RdsErrors.Combination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }

        if (skipFinalSnapshot && finalSnapshotId is not null)
        {
            throw RdsErrors.Combination("FinalDBSnapshotIdentifier can not be specified when deleting a DB instance with SkipFinalSnapshot enabled.");
        }

        if (finalSnapshotId is null)
        {
            return;
        }

        RdsNames.CheckIdentifier(finalSnapshotId, "FinalDBSnapshotIdentifier", 255);
        if (instance.Status == RdsStatus.Creating)
        {
            throw new AwsSimException(RdsErrors.InvalidInstanceState, "Instance is currently creating - a final snapshot cannot be taken.");
        }

        if (snapshots.Exists(finalSnapshotId.ToLowerInvariant()))
        {
            throw new AwsSimException(RdsErrors.SnapshotAlreadyExists,
                $"Cannot create the snapshot because a snapshot with the identifier {finalSnapshotId.ToLowerInvariant()} already exists.");
        }
    }
}
