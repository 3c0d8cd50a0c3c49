using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>DB instance operations.</summary>
internal sealed partial class RdsHandler
{
    private static readonly string[] Engines = ["mysql", "mariadb", "postgres"];

    private SimResponse CreateDBInstance(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        var rawId = p.Required("DBInstanceIdentifier");
        CheckIdentifier(rawId, "DBInstanceIdentifier", 63);
        var id = rawId.ToLowerInvariant();
        var instanceClass = p.Required("DBInstanceClass");
        var engine = p.Required("Engine").ToLowerInvariant();
        if (!Engines.Contains(engine))
        {
            throw SimErrors.Invalid($"Invalid DB engine: {engine}");
        }

        if (!instanceClass.StartsWith("db.", StringComparison.Ordinal))
        {
            throw SimErrors.Invalid($"Invalid DB Instance class: {instanceClass}");
        }

        if (instances.ContainsKey(id))
        {
            throw new AwsSimException(RdsErrors.InstanceAlreadyExists, "DB instance already exists");
        }

        var storage = p.Int("AllocatedStorage") ?? throw SimErrors.Invalid("The parameter AllocatedStorage must be provided and must not be blank.");
        if (storage is < 20 or > 65536)
        {
            throw SimErrors.Invalid($"Invalid storage size for engine name {engine} and storage type gp2: {storage}");
        }

        var username = p.Get("MasterUsername");
        if (string.IsNullOrEmpty(username))
        {
            throw SimErrors.Invalid("The parameter MasterUsername must be provided and must not be blank.");
        }

        var password = p.Get("MasterUserPassword");
        if (p.Bool("ManageMasterUserPassword") == true)
        {
            throw new AwsSimException("Unsupported", "The simulator does not manage master passwords in Secrets Manager.");
        }

        CheckPassword(password);
        var version = p.Get("EngineVersion") ?? DefaultVersion(engine);
        var family = Family(engine, version);

        var subnetGroupName = (p.Get("DBSubnetGroupName") ?? "default").ToLowerInvariant();
        var subnetGroup = subnetGroups.GetValueOrDefault(subnetGroupName) ?? throw RdsErrors.SubnetGroupMissing(subnetGroupName);
        var securityGroups = SecurityGroupsFor(p, subnetGroup)
            ?? [world.Ec2.SecurityGroups.Values.First(g => g.VpcId == subnetGroup.VpcId && g.GroupName == "default").GroupId];

        var parameterGroupName = p.Get("DBParameterGroupName") ?? EnsureDefaultParameterGroup(family).Name;
        var parameterGroup = FindParameterGroup(parameterGroupName);
        CheckFamily(parameterGroup, family);

        var zone = p.Get("AvailabilityZone")
            ?? world.Network.FindSubnet(subnetGroup.SubnetIds[world.Ids.Next(0, subnetGroup.SubnetIds.Count)])?.AvailabilityZone
            ?? world.Region + "a";
        var instance = new RdsInstance
        {
            Identifier = id,
            Arn = Arn("db", id),
            ResourceId = "db-" + world.Ids.Alnum(26).ToUpperInvariant(),
            Engine = engine,
            EngineVersion = version,
            InstanceClass = instanceClass,
            AllocatedStorage = storage,
            MasterUsername = username,
            PasswordHash = Hash(password!),
            DbName = p.Get("DBName"),
            Port = p.Int("Port") ?? (engine == "postgres" ? 5432 : 3306),
            EndpointAddress = $"{id}.{endpointSuffix}.{world.Region}.rds.amazonaws.com",
            SubnetGroupName = subnetGroup.Name,
            AvailabilityZone = zone,
            CreatedAt = now,
            SecurityGroupIds = securityGroups,
            ParameterGroupName = parameterGroup.Name,
            PubliclyAccessible = p.Bool("PubliclyAccessible") ?? false,
            DeletionProtection = p.Bool("DeletionProtection") ?? false,
            MultiAz = p.Bool("MultiAZ") ?? false,
            BackupRetentionPeriod = p.Int("BackupRetentionPeriod") ?? 1,
            StorageType = p.Get("StorageType") ?? "gp2",
        };
        foreach (var (key, value) in p.Pairs("Tags.Tag"))
        {
            instance.Tags[key] = value;
        }

        var created = After(now, CreatingTime);
        instance.Phases.Enqueue(new RdsPhase(RdsStatus.Creating, created));
        instance.Phases.Enqueue(new RdsPhase(RdsStatus.BackingUp, After(created, BackingUpTime)));
        instances[id] = instance;
        world.Faults.NoteCreated(Service, id);
        return QueryResponse(request, InstanceXml(instance, now));
    }

    private SimResponse DescribeDBInstances(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        IEnumerable<RdsInstance> selected = instances.Values.Where(i => !world.Faults.IsHidden(Service, i.Identifier));
        if (p.Get("DBInstanceIdentifier") is { } id)
        {
            var instance = Find(id);
            selected = [instance];
        }

        foreach (var (name, values) in Filters(p))
        {
            selected = name switch
            {
                "db-instance-id" => selected.Where(i => values.Contains(i.Identifier) || values.Contains(i.Arn)),
                "engine" => selected.Where(i => values.Contains(i.Engine)),
                "dbi-resource-id" => selected.Where(i => values.Contains(i.ResourceId)),
                _ => throw SimErrors.Invalid($"Unrecognized filter name: {name}"),
            };
        }

        var page = Page(p, "db-instances", [.. selected.OrderBy(i => i.Identifier, StringComparer.Ordinal)]);
        return QueryResponse(request, E("DBInstances", page.Items.Select(i => InstanceXml(i, now))), Opt("Marker", page.NextToken));
    }

    private SimResponse ModifyDBInstance(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        var instance = Find(p.Required("DBInstanceIdentifier"));
        if (instance.Status != RdsStatus.Available)
        {
            throw RdsErrors.NotAvailable(instance.Identifier);
        }

        var immediately = p.Bool("ApplyImmediately") ?? false;
        var needsModifying = false;

        // Applied at once whatever ApplyImmediately says (as on AWS).
        if (p.Bool("DeletionProtection") is { } protection)
        {
            instance.DeletionProtection = protection;
        }

        if (SecurityGroupsFor(p, subnetGroups[instance.SubnetGroupName]) is { } groups && !groups.SequenceEqual(instance.SecurityGroupIds))
        {
            instance.SecurityGroupIds = groups;
            needsModifying = true;
        }

        if (p.Bool("PubliclyAccessible") is { } publiclyAccessible && publiclyAccessible != instance.PubliclyAccessible)
        {
            instance.PubliclyAccessible = publiclyAccessible;
            needsModifying = true;
        }

        if (p.Get("DBParameterGroupName") is { } groupName && groupName != instance.ParameterGroupName)
        {
            var group = FindParameterGroup(groupName);
            CheckFamily(group, Family(instance.Engine, instance.EngineVersion));
            instance.ParameterGroupName = group.Name;
            instance.ParameterStatus = RdsStatus.PendingReboot;
            instance.ApplyingUntil = After(now, ApplyingTime);
            needsModifying = true;
        }

        if (p.Get("PreferredBackupWindow") is { } backupWindow)
        {
            instance.PreferredBackupWindow = backupWindow;
        }

        if (p.Get("PreferredMaintenanceWindow") is { } maintenanceWindow)
        {
            instance.PreferredMaintenanceWindow = maintenanceWindow;
        }

        if (p.Get("MasterUserPassword") is { } password)
        {
            CheckPassword(password);

            // The new password is applied asynchronously as soon as possible whatever ApplyImmediately says.
            instance.PendingPasswordHash = Hash(password);
            instance.Pending["MasterUserPassword"] = "****";
            needsModifying = true;
        }

        // Applied now with ApplyImmediately, otherwise left pending until the maintenance window (which the
        // simulator never reaches: they stay in PendingModifiedValues until an ApplyImmediately modification).
        if (p.Get("DBInstanceClass") is { } instanceClass && instanceClass != instance.InstanceClass)
        {
            if (!instanceClass.StartsWith("db.", StringComparison.Ordinal))
            {
                throw SimErrors.Invalid($"Invalid DB Instance class: {instanceClass}");
            }

            instance.Pending["DBInstanceClass"] = instanceClass;
        }

        if (p.Int("AllocatedStorage") is { } storage && storage != instance.AllocatedStorage)
        {
            if (storage < instance.AllocatedStorage)
            {
                throw SimErrors.Invalid("Invalid storage size: you can't decrease the allocated storage of a DB instance.");
            }

            if (storage < instance.AllocatedStorage * 1.1)
            {
                throw new AwsSimException(SimErrors.InvalidParameterCombination,
                    "Invalid storage size: the new allocated storage must be at least 10% greater than the current one.");
            }

            instance.Pending["AllocatedStorage"] = storage.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (p.Bool("MultiAZ") is { } multiAz && multiAz != instance.MultiAz)
        {
            instance.Pending["MultiAZ"] = multiAz ? "true" : "false";
        }

        if (p.Int("BackupRetentionPeriod") is { } retention && retention != instance.BackupRetentionPeriod)
        {
            instance.BackupRetentionPeriod = retention;
        }

        if (p.Get("EngineVersion") is { } version && version != instance.EngineVersion)
        {
            instance.Pending["EngineVersion"] = version;
        }

        var deferred = instance.Pending.Keys.Any(k => k != "MasterUserPassword");
        if (immediately && deferred)
        {
            needsModifying = true;
        }

        if (needsModifying)
        {
            instance.Phases.Enqueue(new RdsPhase(RdsStatus.Modifying, After(now, ModifyingTime), () => CompleteModification(instance, immediately)));
        }

        return QueryResponse(request, InstanceXml(instance, now));
    }

    private static void CompleteModification(RdsInstance instance, bool applyDeferred)
    {
        if (instance.PendingPasswordHash is { } hash)
        {
            instance.PasswordHash = hash;
            instance.PendingPasswordHash = null;
            instance.Pending.Remove("MasterUserPassword");
        }

        if (!applyDeferred)
        {
            return;
        }

        foreach (var (key, value) in instance.Pending.ToList())
        {
            switch (key)
            {
                case "DBInstanceClass":
                    instance.InstanceClass = value;
                    break;
                case "AllocatedStorage":
                    instance.AllocatedStorage = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "MultiAZ":
                    instance.MultiAz = value == "true";
                    break;
                case "EngineVersion":
                    instance.EngineVersion = value;
                    break;
            }

            instance.Pending.Remove(key);
        }
    }

    private SimResponse RebootDBInstance(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        var instance = Find(p.Required("DBInstanceIdentifier"));
        if (instance.Status != RdsStatus.Available)
        {
            throw RdsErrors.NotAvailable(instance.Identifier);
        }

        instance.Phases.Enqueue(new RdsPhase(RdsStatus.Rebooting, After(now, RebootingTime), () =>
        {
            instance.ParameterStatus = RdsStatus.InSync;
            instance.ApplyingUntil = default;
        }));
        return QueryResponse(request, InstanceXml(instance, now));
    }

    private SimResponse DeleteDBInstance(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        var instance = Find(p.Required("DBInstanceIdentifier"));
        var skip = p.Bool("SkipFinalSnapshot") ?? false;
        var snapshotId = p.Get("FinalDBSnapshotIdentifier");
        if (instance.Status == RdsStatus.Deleting)
        {
            throw new AwsSimException(RdsErrors.InvalidInstanceState, $"Instance {instance.Identifier} is already being deleted.");
        }

        if (instance.DeletionProtection)
        {
            throw new AwsSimException(SimErrors.InvalidParameterCombination,
                "Cannot delete protected DB Instance, please disable deletion protection and try again.");
        }

        if (!skip && snapshotId is null)
        {
            throw new AwsSimException(SimErrors.InvalidParameterCombination,
                "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }

        if (skip && snapshotId is not null)
        {
            throw new AwsSimException(SimErrors.InvalidParameterCombination,
                "FinalDBSnapshotIdentifier can not be specified when deleting a DB instance with SkipFinalSnapshot enabled.");
        }

        if (snapshotId is not null)
        {
            CheckIdentifier(snapshotId, "FinalDBSnapshotIdentifier", 255);
            snapshotId = snapshotId.ToLowerInvariant();
            if (instance.Status == RdsStatus.Creating)
            {
                throw new AwsSimException(RdsErrors.InvalidInstanceState,
                    "Instance is currently creating - a final snapshot cannot be taken.");
            }

            if (snapshots.ContainsKey(snapshotId))
            {
                throw new AwsSimException(RdsErrors.SnapshotAlreadyExists,
                    $"Cannot create the snapshot because a snapshot with the identifier {snapshotId} already exists.");
            }

            snapshots[snapshotId] = new RdsSnapshot
            {
                Identifier = snapshotId,
                Arn = Arn("snapshot", snapshotId),
                InstanceIdentifier = instance.Identifier,
                Engine = instance.Engine,
                EngineVersion = instance.EngineVersion,
                AllocatedStorage = instance.AllocatedStorage,
                Port = instance.Port,
                AvailabilityZone = instance.AvailabilityZone,
                VpcId = subnetGroups[instance.SubnetGroupName].VpcId,
                MasterUsername = instance.MasterUsername,
                InstanceCreatedAt = instance.CreatedAt,
                CreatedAt = now,
                AvailableAt = After(now, SnapshotTime),
            };
            world.Faults.NoteCreated(Service, snapshotId);
        }

        // The running lifecycle (e.g. modifying) is cut short: deleting takes over.
        instance.Phases.Clear();
        instance.Phases.Enqueue(new RdsPhase(RdsStatus.Deleting, After(now, DeletingTime), () => instance.Deleted = true));
        return QueryResponse(request, InstanceXml(instance, now));
    }

    private RdsInstance Find(string identifier)
    {
        var id = identifier.StartsWith("arn:", StringComparison.Ordinal) ? identifier[(identifier.LastIndexOf(':') + 1)..] : identifier;
        id = id.ToLowerInvariant();
        return instances.TryGetValue(id, out var instance) && !world.Faults.IsHidden(Service, id)
            ? instance
            : throw RdsErrors.InstanceMissing(identifier);
    }

    private List<string>? SecurityGroupsFor(SimParams p, RdsSubnetGroup subnetGroup)
    {
        var ids = p.List("VpcSecurityGroupIds.VpcSecurityGroupId");
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
                throw new AwsSimException(SimErrors.InvalidParameterCombination,
                    $"The DB instance and EC2 security group are in different VPCs. The DB instance is in {subnetGroup.VpcId} and the EC2 security group is in {group.VpcId}");
            }
        }

        return [.. ids.Distinct()];
    }

    private static void CheckPassword(string? password)
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

    private static string DefaultVersion(string engine) => engine switch
    {
        "postgres" => "16.4",
        "mariadb" => "10.11.9",
        _ => "8.0.40",
    };

    /// <summary>mysql 8.0.40 → mysql8.0; postgres 16.4 → postgres16; mariadb 10.11.9 → mariadb10.11.</summary>
    internal static string Family(string engine, string version)
    {
        var parts = version.Split('.');
        return engine == "postgres" ? "postgres" + parts[0] : engine + string.Join('.', parts.Take(2));
    }

    private static void CheckFamily(RdsParameterGroup group, string family)
    {
        if (group.Family != family)
        {
            throw new AwsSimException(SimErrors.InvalidParameterCombination,
                $"The parameter group {group.Name} with DBParameterGroupFamily {group.Family} can't be used for this instance. Use a parameter group with DBParameterGroupFamily {family}.");
        }
    }
}
