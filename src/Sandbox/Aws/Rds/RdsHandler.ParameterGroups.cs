using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>DB parameter group operations and the apply-status rules.</summary>
internal sealed partial class RdsHandler
{
    private SimResponse CreateDBParameterGroup(SimRequest request, SimParams p)
    {
        var name = p.Required("DBParameterGroupName");
        var family = p.Required("DBParameterGroupFamily");
        var description = p.Required("Description");
        CheckIdentifier(name, "DBParameterGroupName", 255);
        name = name.ToLowerInvariant();
        if (!FamilyPattern().IsMatch(family))
        {
            throw SimErrors.Invalid($"ParameterGroupFamily {family} is not a valid parameter group family");
        }

        if (name.StartsWith("default", StringComparison.Ordinal))
        {
            throw SimErrors.Invalid("The parameter DBParameterGroupName is not a valid identifier: names starting with 'default' are reserved.");
        }

        if (parameterGroups.ContainsKey(name))
        {
            throw new AwsSimException(RdsErrors.ParameterGroupAlreadyExists, $"Parameter group {name} already exists");
        }

        var group = new RdsParameterGroup(name, family, description, Arn("pg", name), isDefault: false);
        foreach (var (key, value) in p.Pairs("Tags.Tag"))
        {
            group.Tags[key] = value;
        }

        parameterGroups[name] = group;
        world.Faults.NoteCreated(Service, "pg:" + name);
        return QueryResponse(request, ParameterGroupXml(group));
    }

    private SimResponse DescribeDBParameterGroups(SimRequest request, SimParams p)
    {
        IEnumerable<RdsParameterGroup> selected = parameterGroups.Values.Where(g => !world.Faults.IsHidden(Service, "pg:" + g.Name));
        if (p.Get("DBParameterGroupName") is { } name)
        {
            selected = [FindParameterGroup(name)];
        }

        var page = Page(p, "db-parameter-groups", [.. selected.OrderBy(g => g.Name, StringComparer.Ordinal)]);
        return QueryResponse(request, E("DBParameterGroups", page.Items.Select(ParameterGroupXml)), Opt("Marker", page.NextToken));
    }

    private SimResponse ModifyDBParameterGroup(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        var group = FindParameterGroup(p.Required("DBParameterGroupName"));
        if (group.IsDefault)
        {
            throw new AwsSimException(RdsErrors.InvalidParameterGroupState, $"Cannot modify a default parameter group. ({group.Name})");
        }

        var entries = p.Indexed("Parameters.Parameter");
        if (entries.Count == 0)
        {
            throw SimErrors.Missing("Parameters");
        }

        if (entries.Count > 20)
        {
            throw SimErrors.Invalid("A maximum of 20 parameters can be modified in a single request.");
        }

        var changes = new List<(string Name, string Value, string Method, string ApplyType)>();
        foreach (var entry in entries)
        {
            var name = p.Required(entry + ".ParameterName");
            var value = p.Get(entry + ".ParameterValue") ?? throw SimErrors.Invalid($"Parameter value for {name} must be provided.");
            var method = p.Get(entry + ".ApplyMethod")
                ?? throw SimErrors.Invalid($"ApplyMethod for parameter {name} must be provided (immediate | pending-reboot).");
            if (method is not (RdsStatus.Immediate or RdsStatus.PendingReboot))
            {
                throw SimErrors.Invalid($"Invalid apply method {method} for parameter {name}.");
            }

            if (!RdsParameterCatalog.MySql.TryGetValue(name, out var known))
            {
                throw SimErrors.Invalid($"Could not find parameter with name: {name}");
            }

            if (known.ApplyType == RdsStatus.Static && method == RdsStatus.Immediate)
            {
                throw new AwsSimException(SimErrors.InvalidParameterCombination,
                    $"cannot use immediate apply method for static parameter {name}");
            }

            changes.Add((name, value, method, known.ApplyType));
        }

        foreach (var change in changes)
        {
            group.Values[change.Name] = (change.Value, change.Method);
        }

        // Instances using the group: a dynamic parameter applied immediately goes applying → in-sync (an instance that
        // already waits for a reboot keeps waiting); anything else waits for a reboot.
        var needsReboot = changes.Any(c => c.Method == RdsStatus.PendingReboot);
        foreach (var instance in instances.Values.Where(i => i.ParameterGroupName == group.Name && i.Status != RdsStatus.Deleting))
        {
            instance.ApplyingUntil = After(now, ApplyingTime);
            if (needsReboot)
            {
                instance.ParameterStatus = RdsStatus.PendingReboot;
            }
        }

        return QueryResponse(request, E("DBParameterGroupName", group.Name));
    }

    private SimResponse DeleteDBParameterGroup(SimRequest request, SimParams p)
    {
        var group = FindParameterGroup(p.Required("DBParameterGroupName"));
        if (group.IsDefault)
        {
            throw new AwsSimException(RdsErrors.InvalidParameterGroupState, "Default DBParameterGroup cannot be deleted");
        }

        if (instances.Values.Any(i => i.ParameterGroupName == group.Name))
        {
            throw new AwsSimException(RdsErrors.InvalidParameterGroupState,
                $"One or more database instances are still members of this parameter group {group.Name}, so the group cannot be deleted");
        }

        parameterGroups.Remove(group.Name);
        return QueryResponse(request);
    }

    private SimResponse DescribeDBParameters(SimRequest request, SimParams p)
    {
        var group = FindParameterGroup(p.Required("DBParameterGroupName"));
        var source = p.Get("Source");
        var all = RdsParameterCatalog.MySql
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv =>
            {
                var user = group.Values.TryGetValue(kv.Key, out var set);
                return (Name: kv.Key, Info: kv.Value, Value: user ? set.Value : kv.Value.Default,
                    Source: user ? "user" : (kv.Value.Default is null ? "engine-default" : "system"),
                    Method: user ? set.ApplyMethod : RdsStatus.PendingReboot);
            })
            .Where(x => source is null || x.Source == source)
            .ToList();
        var page = Page(p, "db-parameters:" + group.Name, all);
        return QueryResponse(request,
            E("Parameters", page.Items.Select(x => E("Parameter",
                E("ParameterName", x.Name), Opt("ParameterValue", x.Value), E("Description", x.Info.Description),
                E("Source", x.Source), E("ApplyType", x.Info.ApplyType), E("DataType", x.Info.DataType),
                E("IsModifiable", true), E("ApplyMethod", x.Method)))),
            Opt("Marker", page.NextToken));
    }

    private RdsParameterGroup FindParameterGroup(string name)
    {
        if (name.StartsWith("default.", StringComparison.Ordinal) && !parameterGroups.ContainsKey(name))
        {
            // Default groups exist for every family, as in a fresh account.
            var family = name["default.".Length..];
            if (FamilyPattern().IsMatch(family))
            {
                return EnsureDefaultParameterGroup(family);
            }
        }

        var key = name.ToLowerInvariant();
        return parameterGroups.TryGetValue(key, out var group) && !world.Faults.IsHidden(Service, "pg:" + key)
            ? group
            : throw RdsErrors.ParameterGroupMissing(name);
    }

    private RdsParameterGroup EnsureDefaultParameterGroup(string family)
    {
        var name = "default." + family;
        if (!parameterGroups.TryGetValue(name, out var group))
        {
            group = new RdsParameterGroup(name, family, $"Default parameter group for {family}", Arn("pg", name), isDefault: true);
            parameterGroups[name] = group;
        }

        return group;
    }

    private static System.Xml.Linq.XElement ParameterGroupXml(RdsParameterGroup group) =>
        E("DBParameterGroup",
            E("DBParameterGroupName", group.Name), E("DBParameterGroupFamily", group.Family),
            E("Description", group.Description), E("DBParameterGroupArn", group.Arn));

    [GeneratedRegex(@"^(mysql|mariadb|postgres|aurora-mysql|aurora-postgresql)\d+(\.\d+)?$")]
    private static partial Regex FamilyPattern();
}
