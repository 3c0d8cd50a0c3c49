using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// Security groups and their ingress/egress rules, with EC2's rules: reserved and duplicate names, DependencyViolation
/// for a group in use (by another service or another group's rule), duplicate and unknown permissions, eventual
/// consistency. Every member takes <see cref="SimWorld.Gate"/>; what leaves the store is a snapshot.
/// </summary>
internal sealed class SecurityGroupStore(SimWorld world, VpcStore vpcs)
{
    private const string Service = "ec2";
    private readonly Dictionary<string, Ec2SecurityGroup> groups = new(StringComparer.Ordinal);

    /// <summary>Adds the <c>default</c> group of a VPC (it allows all traffic from itself).</summary>
    public void AddDefaultGroup(string vpcId)
    {
        lock (world.Gate)
        {
            var group = NewGroupLocked("default", "default VPC security group", vpcId, ownedBy: "default");
            group.Ingress.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), "-1", null, null, null, group.GroupId, null));
        }
    }

    public bool Exists(string groupId)
    {
        lock (world.Gate)
        {
            return groups.ContainsKey(groupId);
        }
    }

    /// <summary>Every group as other services see it.</summary>
    public IReadOnlyDictionary<string, SecurityGroupInfo> Infos()
    {
        lock (world.Gate)
        {
            return groups.Values.ToDictionary(g => g.GroupId, g => new SecurityGroupInfo(g.GroupId, g.GroupName, g.VpcId), StringComparer.Ordinal);
        }
    }

    /// <summary>A snapshot of a group's ingress rules, or null when the group does not exist.</summary>
    public IReadOnlyList<Ec2Rule>? IngressOf(string groupId)
    {
        lock (world.Gate)
        {
            return groups.TryGetValue(groupId, out var group) ? [.. group.Ingress] : null;
        }
    }

    /// <summary>CreateSecurityGroup (vpcId null: the default VPC).</summary>
    public Ec2SecurityGroup Create(string name, string description, string? vpcId, IReadOnlyDictionary<string, string> tags, string? ownedBy = null)
    {
        lock (world.Gate)
        {
            vpcId ??= vpcs.DefaultVpcId;
            if (!vpcs.VpcExists(vpcId))
            {
                throw Ec2Errors.VpcMissing(vpcId);
            }

            if (ownedBy is null)
            {
                CheckUserGroupName(name, description);
            }

            if (groups.Values.Any(g => g.VpcId == vpcId && g.GroupName == name))
            {
                throw new AwsSimException(Ec2Errors.GroupDuplicate, $"The security group '{name}' already exists for VPC '{vpcId}'");
            }

            var group = NewGroupLocked(name, description, vpcId, ownedBy);
            foreach (var (key, value) in tags)
            {
                group.Tags[key] = value;
            }

            return group.Snapshot();
        }
    }

    /// <summary>DescribeSecurityGroups: by ids and names (names only in the default VPC, as on AWS), or all visible ones.</summary>
    public IReadOnlyList<Ec2SecurityGroup> Describe(IReadOnlyList<string> ids, IReadOnlyList<string> names, bool maxResultsSent, IReadOnlyList<Ec2Filter> filters)
    {
        if (maxResultsSent && (ids.Count > 0 || names.Count > 0))
        {
            throw new AwsSimException(SimErrors.InvalidParameterCombination, "The parameter groupIdSet cannot be used with the parameter maxResults");
        }

        lock (world.Gate)
        {
            var selected = new List<Ec2SecurityGroup>();
            foreach (var id in ids)
            {
                if (!id.StartsWith("sg-", StringComparison.Ordinal))
                {
                    throw new AwsSimException(Ec2Errors.GroupIdMalformed, $"Invalid id: \"{id}\" (expecting \"sg-...\")");
                }

                selected.Add(VisibleLocked(id) ?? throw Ec2Errors.GroupMissing(id));
            }

            selected.AddRange(names.Select(name => ByNameLocked(name, visibleOnly: true)));
            var source = ids.Count > 0 || names.Count > 0 ? selected.Distinct() : groups.Values.Where(g => !Hidden(g.GroupId));
            return [.. Ec2Filters.Apply(source, filters, g => g.Tags, DescribeFilters).Select(g => g.Snapshot())];
        }
    }

    /// <summary>DeleteSecurityGroup by id or name; returns the deleted group's id.</summary>
    public string Delete(string? groupId, string? groupName)
    {
        lock (world.Gate)
        {
            var group = ResolveLocked(groupId, groupName);
            if (group.GroupName == "default")
            {
                throw new AwsSimException(Ec2Errors.CannotDelete, $"the specified group: \"{group.GroupId}\" name: \"default\" cannot be deleted by a user");
            }

            var inUse = world.SecurityGroupUses().Any(u => u.GroupId == group.GroupId)
                || groups.Values.Any(g => g != group && g.Ingress.Concat(g.Egress).Any(r => r.SourceGroupId == group.GroupId));
            if (inUse)
            {
                throw new AwsSimException(Ec2Errors.DependencyViolation, $"resource {group.GroupId} has a dependent object");
            }

            groups.Remove(group.GroupId);
            return group.GroupId;
        }
    }

    /// <summary>Deletes a group a service created (and every rule naming it); no-op when absent.</summary>
    public void DeleteServiceGroup(string groupId)
    {
        lock (world.Gate)
        {
            groups.Remove(groupId);
            foreach (var group in groups.Values)
            {
                group.Ingress.RemoveAll(r => r.SourceGroupId == groupId);
                group.Egress.RemoveAll(r => r.SourceGroupId == groupId);
            }
        }
    }

    /// <summary>AuthorizeSecurityGroupIngress: adds every permission (none may exist already); returns the group and the new rules.</summary>
    public (Ec2SecurityGroup Group, IReadOnlyList<Ec2Rule> Added) Authorize(string? groupId, string? groupName, IReadOnlyList<Ec2PermissionInput> permissions)
    {
        lock (world.Gate)
        {
            var group = ResolveLocked(groupId, groupName);
            var rules = ToRulesLocked(permissions);
            if (rules.Count == 0)
            {
                throw new AwsSimException(SimErrors.MissingParameter, "The request must contain the parameter ipPermissions");
            }

            foreach (var rule in rules)
            {
                if (group.Ingress.Any(r => r.SameAs(rule)) || rules.Count(r => r.SameAs(rule)) > 1)
                {
                    throw new AwsSimException(Ec2Errors.PermissionDuplicate,
                        $"the specified rule \"peer: {rule.CidrIp ?? rule.SourceGroupId}, {Ec2Permissions.Describe(rule)}, ALLOW\" already exists");
                }
            }

            group.Ingress.AddRange(rules);
            return (group.Snapshot(), rules);
        }
    }

    /// <summary>RevokeSecurityGroupIngress by rule ids and permissions; returns the permissions that matched no rule.</summary>
    public IReadOnlyList<Ec2Rule> Revoke(string? groupId, string? groupName, IReadOnlyList<string> ruleIds, IReadOnlyList<Ec2PermissionInput> permissions)
    {
        lock (world.Gate)
        {
            var group = ResolveLocked(groupId, groupName);
            var toRemove = ruleIds.Select(ruleId => group.Ingress.FirstOrDefault(r => r.RuleId == ruleId)
                ?? throw new AwsSimException("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{ruleId}' does not exist")).ToList();
            var unknown = new List<Ec2Rule>();
            foreach (var rule in ToRulesLocked(permissions))
            {
                if (group.Ingress.FirstOrDefault(r => r.SameAs(rule)) is { } existing)
                {
                    toRemove.Add(existing);
                }
                else
                {
                    unknown.Add(rule);
                }
            }

            if (toRemove.Count == 0)
            {
                throw new AwsSimException(Ec2Errors.PermissionNotFound, "The specified rule does not exist in this security group.");
            }

            group.Ingress.RemoveAll(toRemove.Contains);
            return unknown;
        }
    }

    /// <summary>DescribeSecurityGroupRules: every ingress and egress rule of every group (or the named ones), filtered.</summary>
    public IReadOnlyList<(Ec2SecurityGroup Group, Ec2Rule Rule, bool Egress)> DescribeRules(IReadOnlyList<string> ruleIds, IReadOnlyList<Ec2Filter> filters)
    {
        lock (world.Gate)
        {
            var rules = groups.Values
                .SelectMany(g => g.Ingress.Select(r => (Group: g, Rule: r, Egress: false)).Concat(g.Egress.Select(r => (Group: g, Rule: r, Egress: true))))
                .Where(x => ruleIds.Count == 0 || ruleIds.Contains(x.Rule.RuleId));
            return [.. Ec2Filters.Apply(rules, filters, _ => new Dictionary<string, string>(),
                new Dictionary<string, Func<(Ec2SecurityGroup Group, Ec2Rule Rule, bool Egress), IEnumerable<string?>>>
                {
                    ["group-id"] = x => [x.Group.GroupId],
                    ["security-group-rule-id"] = x => [x.Rule.RuleId],
                }).Select(x => (x.Group.Snapshot(), x.Rule, x.Egress))];
        }
    }

    /// <summary>The live tags of a visible group (call under the gate), or null when there is none.</summary>
    public Dictionary<string, string>? TagsOfLocked(string groupId) => VisibleLocked(groupId)?.Tags;

    /// <summary>Every tag of every group (call under the gate).</summary>
    public IEnumerable<Ec2TagEntry> AllTagsLocked() =>
        groups.Values.SelectMany(g => g.Tags.Select(t => new Ec2TagEntry(g.GroupId, "security-group", t.Key, t.Value)));

    /// <summary>Snapshots for the state dump (call under the gate).</summary>
    public IReadOnlyList<Ec2SecurityGroup> SnapshotLocked() => [.. groups.Values.Select(g => g.Snapshot())];

    private Dictionary<string, Func<Ec2SecurityGroup, IEnumerable<string?>>> DescribeFilters => new()
    {
        ["group-id"] = g => [g.GroupId],
        ["group-name"] = g => [g.GroupName],
        ["vpc-id"] = g => [g.VpcId],
        ["description"] = g => [g.Description],
        ["owner-id"] = _ => [world.AccountId],
        ["ip-permission.cidr"] = g => g.Ingress.Select(r => r.CidrIp),
        ["ip-permission.group-id"] = g => g.Ingress.Select(r => r.SourceGroupId),
        ["ip-permission.from-port"] = g => g.Ingress.Select(r => r.FromPort?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["ip-permission.to-port"] = g => g.Ingress.Select(r => r.ToPort?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["ip-permission.protocol"] = g => g.Ingress.Select(r => r.Protocol),
    };

    private static void CheckUserGroupName(string name, string description)
    {
        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw SimErrors.Invalid("Group names may not be in the format sg-*.");
        }

        if (name == "default")
        {
            throw new AwsSimException(Ec2Errors.GroupReserved, "The security group 'default' is reserved");
        }

        if (name.Length > 255 || description.Length > 255)
        {
            throw SimErrors.Invalid("Invalid value for parameter: length exceeds 255 characters");
        }
    }

    private Ec2SecurityGroup NewGroupLocked(string name, string description, string vpcId, string? ownedBy)
    {
        var group = new Ec2SecurityGroup(world.Ids.SecurityGroupId(), name, description, vpcId, ownedBy);
        group.Egress.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), "-1", null, null, "0.0.0.0/0", null, null));
        groups[group.GroupId] = group;
        world.Faults.NoteCreated(Service, group.GroupId);
        return group;
    }

    private List<Ec2Rule> ToRulesLocked(IReadOnlyList<Ec2PermissionInput> permissions)
    {
        var rules = new List<Ec2Rule>();
        foreach (var permission in permissions)
        {
            var (protocol, from, to) = Ec2Permissions.Normalize(permission.Protocol, permission.FromPort, permission.ToPort);
            if (permission.CidrIp is { } cidr)
            {
                Ec2Permissions.CheckCidr(cidr);
            }
            else if (!groups.ContainsKey(permission.SourceGroupId!))
            {
                throw Ec2Errors.GroupMissing(permission.SourceGroupId!);
            }

            rules.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), protocol, from, to, permission.CidrIp, permission.SourceGroupId, permission.Description));
        }

        return rules;
    }

    private Ec2SecurityGroup ResolveLocked(string? groupId, string? groupName)
    {
        if (groupId is not null)
        {
            return VisibleLocked(groupId) ?? throw Ec2Errors.GroupMissing(groupId);
        }

        return ByNameLocked(groupName ?? throw SimErrors.Missing("GroupId"), visibleOnly: false);
    }

    private Ec2SecurityGroup ByNameLocked(string name, bool visibleOnly)
    {
        // A group name alone looks only in the default VPC, as on AWS.
        var defaultVpc = vpcs.DefaultVpcId;
        return groups.Values.FirstOrDefault(g => g.VpcId == defaultVpc && g.GroupName == name && !(visibleOnly && Hidden(g.GroupId)))
            ?? throw new AwsSimException(Ec2Errors.GroupNotFound, $"The security group '{name}' does not exist in default VPC '{defaultVpc}'");
    }

    private Ec2SecurityGroup? VisibleLocked(string groupId) =>
        groups.TryGetValue(groupId, out var group) && !Hidden(groupId) ? group : null;

    private bool Hidden(string id) => world.Faults.IsHidden(Service, id);
}
