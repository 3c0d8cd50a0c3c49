using System.Globalization;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// ModifyDBInstance's rules (API reference, ModifyDBInstance). Applied at once whatever ApplyImmediately says:
/// deletion protection, security groups, public accessibility, backup retention and windows, a parameter group of the
/// same family (pending-reboot until the next reboot) and the master password (during the modification). With
/// ApplyImmediately, or left in PendingModifiedValues until a later ApplyImmediately modification (the simulator never
/// reaches a maintenance window): instance class, storage (grow by at least 10%), Multi-AZ and engine version (never
/// down; a new major only with AllowMajorVersionUpgrade, and with a parameter group of the new family unless the
/// instance uses a default group, which follows the version).
/// </summary>
internal sealed class RdsInstanceModifications(
    SimWorld world, RdsInstanceStore store, RdsParameterGroupStore parameterGroups, RdsSubnetGroupStore subnetGroups)
{
    public void Apply(RdsInstance instance, RdsModifyInstanceInput input)
    {
        var current = Version(instance.Engine, instance.Pending.GetValueOrDefault("EngineVersion") ?? instance.EngineVersion);
        var target = TargetVersion(instance, current, input);
        if (input.InstanceClass is not null || target != current)
        {
            RdsInstanceStore.CheckClass(input.InstanceClass ?? instance.Pending.GetValueOrDefault("DBInstanceClass") ?? instance.InstanceClass, target);
        }

        RdsWindows.Check(input.PreferredMaintenanceWindow ?? instance.PreferredMaintenanceWindow,
            input.PreferredBackupWindow ?? instance.PreferredBackupWindow);
        var upgradeGroup = target.Family != current.Family ? UpgradeParameterGroup(instance, input, target) : null;
        CheckStorage(instance, input.AllocatedStorage);
        if (input.MasterUserPassword is not null)
        {
            RdsInstanceStore.CheckPassword(input.MasterUserPassword);
        }

        var needsModifying = ApplyNow(instance, input, upgradeGroup is null);
        Defer(instance, input, target, current, upgradeGroup);
        if (input.ApplyImmediately && instance.Pending.Keys.Any(k => k != "MasterUserPassword"))
        {
            needsModifying = true;
        }

        if (needsModifying)
        {
            var done = store.After(world.Time.GetUtcNow(), RdsDurations.Modifying);
            var applyDeferred = input.ApplyImmediately;
            instance.Phases.Enqueue(new RdsPhase(RdsStatus.Modifying, done, () => Complete(instance, applyDeferred)));
        }
    }

    /// <summary>The version after the change: the current one, or the requested one if it exists and is an upgrade.</summary>
    private static RdsEngineVersion TargetVersion(RdsInstance instance, RdsEngineVersion current, RdsModifyInstanceInput input)
    {
        if (input.EngineVersion is null)
        {
            return current;
        }

        var target = RdsEngineCatalog.Resolve(instance.Engine, input.EngineVersion)
            ?? throw RdsErrors.VersionNotFound(input.EngineVersion, instance.Engine);
        if (target == current)
        {
            return current;
        }

        if (target.Order < current.Order || !RdsEngineCatalog.UpgradeTargets(current).Contains(target))
        {
            throw RdsErrors.Combination($"Cannot upgrade {instance.Engine} from {current.Version} to {target.Version}");
        }

        if (target.MajorVersion != current.MajorVersion && !input.AllowMajorVersionUpgrade)
        {
            throw RdsErrors.Combination("The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version.");
        }

        return target;
    }

    /// <summary>The parameter group that comes with a major upgrade: the one named (of the new family), or the new
    /// family's default group when the instance uses a default group.</summary>
    private string UpgradeParameterGroup(RdsInstance instance, RdsModifyInstanceInput input, RdsEngineVersion target)
    {
        if (input.ParameterGroupName is { } name)
        {
            var group = parameterGroups.Find(name);
            return group.Family == target.Family ? group.Name : throw RdsErrors.FamilyMismatch(group, target.Family);
        }

        if (!parameterGroups.Find(instance.ParameterGroupName).IsDefault)
        {
            throw RdsErrors.Combination($"The current DB instance parameter group {instance.ParameterGroupName} is custom. You must explicitly " +
                "specify a new DB instance parameter group, either default or custom, for the engine version upgrade.");
        }

        return parameterGroups.Default(target.Family).Name;
    }

    /// <summary>Applies what takes effect now; true when that puts the instance in modifying.</summary>
    private bool ApplyNow(RdsInstance instance, RdsModifyInstanceInput input, bool parameterGroupNow)
    {
        var needsModifying = false;
        instance.DeletionProtection = input.DeletionProtection ?? instance.DeletionProtection;
        instance.BackupRetentionPeriod = input.BackupRetentionPeriod ?? instance.BackupRetentionPeriod;
        instance.PreferredBackupWindow = input.PreferredBackupWindow ?? instance.PreferredBackupWindow;
        instance.PreferredMaintenanceWindow = input.PreferredMaintenanceWindow ?? instance.PreferredMaintenanceWindow;
        if (store.SecurityGroupsFor(input.SecurityGroupIds, subnetGroups.Of(instance)) is { } groups && !groups.SequenceEqual(instance.SecurityGroupIds))
        {
            instance.SecurityGroupIds = groups;
            needsModifying = true;
        }

        if (input.PubliclyAccessible is { } publiclyAccessible && publiclyAccessible != instance.PubliclyAccessible)
        {
            instance.PubliclyAccessible = publiclyAccessible;
            needsModifying = true;
        }

        if (parameterGroupNow && input.ParameterGroupName is { } groupName && groupName != instance.ParameterGroupName)
        {
            var group = parameterGroups.Find(groupName);
            var family = Version(instance.Engine, instance.EngineVersion).Family;
            instance.ParameterGroupName = group.Family == family ? group.Name : throw RdsErrors.FamilyMismatch(group, family);
            instance.ParameterStatus = RdsStatus.PendingReboot;
            instance.ApplyingUntil = store.After(world.Time.GetUtcNow(), RdsDurations.Applying);
            needsModifying = true;
        }

        if (input.MasterUserPassword is { } password)
        {
            // The new password is applied asynchronously as soon as possible whatever ApplyImmediately says.
            instance.PendingPasswordHash = store.Hash(password);
            instance.Pending["MasterUserPassword"] = "****";
            needsModifying = true;
        }

        return needsModifying;
    }

    /// <summary>Records the changes that wait for ApplyImmediately in PendingModifiedValues.</summary>
    private static void Defer(RdsInstance instance, RdsModifyInstanceInput input, RdsEngineVersion target, RdsEngineVersion current, string? upgradeGroup)
    {
        if (input.InstanceClass is { } instanceClass && instanceClass != instance.InstanceClass)
        {
            instance.Pending["DBInstanceClass"] = instanceClass;
        }

        if (input.AllocatedStorage is { } storage && storage != instance.AllocatedStorage)
        {
            instance.Pending["AllocatedStorage"] = storage.ToString(CultureInfo.InvariantCulture);
        }

        if (input.MultiAz is { } multiAz && multiAz != instance.MultiAz)
        {
            instance.Pending["MultiAZ"] = multiAz ? "true" : "false";
        }

        if (target != current)
        {
            instance.Pending["EngineVersion"] = target.Version;
            instance.PendingParameterGroupName = upgradeGroup ?? instance.PendingParameterGroupName;
        }
    }

    private static void CheckStorage(RdsInstance instance, int? storage)
    {
        if (storage is not { } size || size == instance.AllocatedStorage)
        {
            return;
        }

        if (size < instance.AllocatedStorage)
        {
            throw SimErrors.Invalid("Invalid storage size: you can't decrease the allocated storage of a DB instance.");
        }

        if (size < instance.AllocatedStorage * 1.1)
        {
            throw RdsErrors.Combination("Invalid storage size: the new allocated storage must be at least 10% greater than the current one.");
        }
    }

    /// <summary>The end of a modification: the new password takes effect; with ApplyImmediately the pending values too.</summary>
    private static void Complete(RdsInstance instance, bool applyDeferred)
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
                    instance.AllocatedStorage = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "MultiAZ":
                    instance.MultiAz = value == "true";
                    break;
                case "EngineVersion":
                    UpgradeTo(instance, value);
                    break;
            }

            instance.Pending.Remove(key);
        }
    }

    /// <summary>A version upgrade restarts the engine: a new major's parameter group comes in, in sync.</summary>
    private static void UpgradeTo(RdsInstance instance, string version)
    {
        instance.EngineVersion = version;
        if (instance.PendingParameterGroupName is { } group)
        {
            instance.ParameterGroupName = group;
            instance.PendingParameterGroupName = null;
            instance.ParameterStatus = RdsStatus.InSync;
            instance.ApplyingUntil = default;
        }
    }

    private static RdsEngineVersion Version(string engine, string version) =>
        RdsEngineCatalog.Resolve(engine, version) ?? throw new InvalidOperationException($"Unknown {engine} version {version}.");
}
