using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// DB parameter groups and their rules: a family must be one of the engine versions' families; default groups
/// (<c>default.&lt;family&gt;</c>) exist for every family and cannot be modified or deleted; a modification names
/// catalogued, modifiable parameters with values their DataType and AllowedValues accept, and never applies a static
/// parameter immediately; the instances using the group go applying → in-sync, or pending-reboot until they reboot.
/// </summary>
internal sealed class RdsParameterGroupStore(SimWorld world, RdsInstanceTable instances)
{
    private const string DefaultPrefix = "default.";
    private readonly Dictionary<string, RdsParameterGroup> groups = new(StringComparer.Ordinal);

    public RdsParameterGroup Create(string name, string family, string description, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        lock (world.Gate)
        {
            RdsNames.CheckIdentifier(name, "DBParameterGroupName", 255);
            name = name.ToLowerInvariant();
            if (!RdsEngineCatalog.IsFamily(family))
            {
                throw RdsErrors.InvalidFamily(family);
            }

            if (name.StartsWith("default", StringComparison.Ordinal))
            {
                throw SimErrors.Invalid("The parameter DBParameterGroupName is not a valid identifier: names starting with 'default' are reserved.");
            }

            if (groups.ContainsKey(name))
            {
                throw new AwsSimException(RdsErrors.ParameterGroupAlreadyExists, $"Parameter group {name} already exists");
            }

            var group = new RdsParameterGroup(name, family, description, RdsNames.Arn(world, "pg", name), isDefault: false);
            foreach (var (key, value) in tags)
            {
                group.Tags[key] = value;
            }

            groups[name] = group;
            world.Faults.NoteCreated(RdsNames.Service, "pg:" + name);
            return group;
        }
    }

    /// <summary>The named group, or every visible group sorted by name.</summary>
    public IReadOnlyList<RdsParameterGroup> List(string? name)
    {
        lock (world.Gate)
        {
            return name is not null
                ? [Find(name)]
                : [.. groups.Values.Where(g => !world.Faults.IsHidden(RdsNames.Service, "pg:" + g.Name)).OrderBy(g => g.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>The group; a default group of a known family comes into existence on first use, as in a fresh account.
    /// DBParameterGroupNotFound (404) otherwise.</summary>
    public RdsParameterGroup Find(string name)
    {
        lock (world.Gate)
        {
            if (name.StartsWith(DefaultPrefix, StringComparison.Ordinal) && RdsEngineCatalog.IsFamily(name[DefaultPrefix.Length..]))
            {
                return Default(name[DefaultPrefix.Length..]);
            }

            var key = name.ToLowerInvariant();
            return groups.TryGetValue(key, out var group) && !world.Faults.IsHidden(RdsNames.Service, "pg:" + key)
                ? group
                : throw RdsErrors.ParameterGroupMissing(name);
        }
    }

    /// <summary>The default group of a family (created on first use).</summary>
    public RdsParameterGroup Default(string family)
    {
        lock (world.Gate)
        {
            var name = DefaultPrefix + family;
            if (!groups.TryGetValue(name, out var group))
            {
                group = new RdsParameterGroup(name, family, $"Default parameter group for {family}", RdsNames.Arn(world, "pg", name), isDefault: true);
                groups[name] = group;
            }

            return group;
        }
    }

    /// <summary>Validates every change first (nothing is stored when one fails), then stores them and marks the
    /// instances using the group.</summary>
    public RdsParameterGroup Modify(string name, IReadOnlyList<RdsParameterChange> changes)
    {
        lock (world.Gate)
        {
            instances.Advance();
            var group = Find(name);
            if (group.IsDefault)
            {
                throw SimErrors.Invalid("Cannot modify a default parameter group.");
            }

            if (changes.Count > 20)
            {
                throw SimErrors.Invalid("A maximum of 20 parameters can be modified in a single request.");
            }

            var catalogue = RdsParameterCatalog.For(group.Family);
            foreach (var change in changes)
            {
                Check(catalogue, change);
            }

            foreach (var change in changes)
            {
                group.Values[change.Name] = new RdsParameterSetting(change.Value, change.ApplyMethod);
            }

            var needsReboot = changes.Any(c => c.ApplyMethod == RdsStatus.PendingReboot);
            var applyingUntil = world.Time.GetUtcNow() + world.Timing.Of(RdsDurations.Applying);
            foreach (var instance in instances.UsingParameterGroup(group.Name, live: true))
            {
                instance.ParametersChanged(applyingUntil, needsReboot);
            }

            return group;
        }
    }

    public void Delete(string name)
    {
        lock (world.Gate)
        {
            instances.Advance();
            var group = Find(name);
            if (group.IsDefault)
            {
                throw new AwsSimException(RdsErrors.InvalidParameterGroupState, "Default DBParameterGroup cannot be deleted");
            }

            if (instances.UsingParameterGroup(group.Name).Any())
            {
                throw new AwsSimException(RdsErrors.InvalidParameterGroupState,
                    $"One or more database instances are still members of this parameter group {group.Name}, so the group cannot be deleted");
            }

            groups.Remove(group.Name);
        }
    }

    /// <summary>The group's parameters sorted by name, optionally only those from one source (user, system, engine-default).</summary>
    public IReadOnlyList<RdsParameterView> Parameters(string name, string? source)
    {
        lock (world.Gate)
        {
            var group = Find(name);
            return [.. RdsParameterCatalog.Sorted(group.Family)
                .Select(p => group.Values.TryGetValue(p.Name, out var set)
                    ? new RdsParameterView(p, set.Value, "user", set.ApplyMethod)
                    : new RdsParameterView(p, p.Value, p.Source, RdsStatus.PendingReboot))
                .Where(v => source is null || v.Source == source)];
        }
    }

    /// <summary>Every group but the defaults (for the state dump; call under the gate).</summary>
    public IEnumerable<RdsParameterGroup> Custom => groups.Values.Where(g => !g.IsDefault);

    private static void Check(IReadOnlyDictionary<string, RdsParameterDefinition> catalogue, RdsParameterChange change)
    {
        if (change.ApplyMethod is not (RdsStatus.Immediate or RdsStatus.PendingReboot))
        {
            throw SimErrors.Invalid($"Invalid apply method {change.ApplyMethod} for parameter {change.Name}.");
        }

        var parameter = catalogue.GetValueOrDefault(change.Name) ?? throw RdsErrors.ParameterMissing(change.Name);
        if (!parameter.IsModifiable)
        {
            throw RdsErrors.ParameterNotModifiable(change.Name);
        }

        RdsParameterValidator.Check(parameter, change.Value);
        if (parameter.ApplyType == RdsStatus.Static && change.ApplyMethod == RdsStatus.Immediate)
        {
            throw RdsErrors.StaticImmediate();
        }
    }
}
