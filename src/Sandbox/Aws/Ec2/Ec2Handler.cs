using System.Net;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// EC2 (2016-11-15), the calls ebops makes through AWSSDK.EC2: DescribeVpcs, DescribeSubnets, Create/Describe/Delete
/// SecurityGroup(s), Authorize/RevokeSecurityGroupIngress, DescribeSecurityGroupRules, AllocateAddress,
/// DescribeAddresses, ReleaseAddress, Create/Delete/DescribeTags. Lists use EC2's <c>Name.N</c> encoding
/// (<c>GroupId.1</c>, <c>IpPermissions.1.IpRanges.1.CidrIp</c>, <c>IpPermissions.1.Groups.1.GroupId</c>,
/// <c>Filter.1.Value.1</c>, <c>TagSpecification.1.Tag.1.Key</c>) as the official model's locationNames give it.
/// </summary>
internal sealed class Ec2Handler(SimWorld world) : IAwsServiceHandler
{
    private const string Service = "ec2";

    public string SigningName => Service;

    private Ec2Network Net => world.Ec2;

    public ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var p = new SimParams(request.Parameters);
        lock (world.Gate)
        {
            if (p.Bool("DryRun") == true)
            {
                throw new AwsSimException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
            }

            var response = request.Action switch
            {
                "DescribeVpcs" => DescribeVpcs(request, p),
                "DescribeSubnets" => DescribeSubnets(request, p),
                "CreateSecurityGroup" => CreateSecurityGroup(request, p),
                "DescribeSecurityGroups" => DescribeSecurityGroups(request, p),
                "DeleteSecurityGroup" => DeleteSecurityGroup(request, p),
                "AuthorizeSecurityGroupIngress" => Authorize(request, p),
                "RevokeSecurityGroupIngress" => Revoke(request, p),
                "DescribeSecurityGroupRules" => DescribeSecurityGroupRules(request, p),
                "AllocateAddress" => AllocateAddress(request, p),
                "DescribeAddresses" => DescribeAddresses(request, p),
                "ReleaseAddress" => ReleaseAddress(request, p),
                "CreateTags" => CreateTags(request, p),
                "DeleteTags" => DeleteTags(request, p),
                "DescribeTags" => DescribeTags(request, p),
                _ => throw SimErrors.UnknownAction(request),
            };
            return ValueTask.FromResult(response);
        }
    }

    private SimResponse DescribeVpcs(SimRequest request, SimParams p)
    {
        var ids = p.List("VpcId");
        foreach (var id in ids.Where(id => !Net.Vpcs.ContainsKey(id)))
        {
            throw Ec2Errors.VpcMissing(id);
        }

        var items = Ec2Filters.Apply(Net.Vpcs.Values.Where(v => ids.Count == 0 || ids.Contains(v.VpcId)), Ec2Filters.Read(p), v => v.Tags,
            new Dictionary<string, Func<Ec2Vpc, IEnumerable<string?>>>
            {
                ["vpc-id"] = v => [v.VpcId],
                ["is-default"] = v => [v.IsDefault ? "true" : "false"],
                ["isDefault"] = v => [v.IsDefault ? "true" : "false"],
                ["cidr"] = v => [v.CidrBlock],
                ["cidr-block-association.cidr-block"] = v => [v.CidrBlock],
                ["state"] = _ => ["available"],
                ["owner-id"] = _ => [world.AccountId],
            }).ToList();
        var page = Page(p, "vpcs", items, min: 5);
        return Ec2Response(request,
            E("vpcSet", page.Items.Select(v => E("item",
                E("vpcId", v.VpcId), E("ownerId", world.AccountId), E("state", "available"), E("cidrBlock", v.CidrBlock),
                E("cidrBlockAssociationSet", E("item", E("cidrBlock", v.CidrBlock), E("associationId", "vpc-cidr-assoc-" + v.VpcId[4..]),
                    E("cidrBlockState", E("state", "associated")))),
                E("dhcpOptionsId", "dopt-0d0d0d0d0d0d0d0d0"), E("instanceTenancy", "default"), E("isDefault", v.IsDefault),
                TagSet(v.Tags)))),
            Opt("nextToken", page.NextToken));
    }

    private SimResponse DescribeSubnets(SimRequest request, SimParams p)
    {
        var ids = p.List("SubnetId");
        foreach (var id in ids.Where(id => !Net.Subnets.ContainsKey(id)))
        {
            throw Ec2Errors.SubnetMissing(id);
        }

        var items = Ec2Filters.Apply(Net.Subnets.Values.Where(s => ids.Count == 0 || ids.Contains(s.SubnetId)), Ec2Filters.Read(p), s => s.Tags,
            new Dictionary<string, Func<Ec2Subnet, IEnumerable<string?>>>
            {
                ["vpc-id"] = s => [s.VpcId],
                ["subnet-id"] = s => [s.SubnetId],
                ["availability-zone"] = s => [s.AvailabilityZone],
                ["availabilityZone"] = s => [s.AvailabilityZone],
                ["default-for-az"] = s => [s.DefaultForAz ? "true" : "false"],
                ["defaultForAz"] = s => [s.DefaultForAz ? "true" : "false"],
                ["cidr-block"] = s => [s.CidrBlock],
                ["state"] = _ => ["available"],
                ["owner-id"] = _ => [world.AccountId],
            }).ToList();
        var page = Page(p, "subnets", items, min: 5);
        return Ec2Response(request,
            E("subnetSet", page.Items.Select(s => E("item",
                E("subnetId", s.SubnetId), E("subnetArn", world.Ids.Arn("ec2", "subnet/" + s.SubnetId)), E("state", "available"),
                E("ownerId", world.AccountId), E("vpcId", s.VpcId), E("cidrBlock", s.CidrBlock),
                E("availableIpAddressCount", 4091), E("availabilityZone", s.AvailabilityZone),
                E("availabilityZoneId", "apne2-az" + (s.AvailabilityZone[^1] - 'a' + 1)),
                E("defaultForAz", s.DefaultForAz), E("mapPublicIpOnLaunch", s.DefaultForAz),
                E("assignIpv6AddressOnCreation", false), TagSet(s.Tags)))),
            Opt("nextToken", page.NextToken));
    }

    private SimResponse CreateSecurityGroup(SimRequest request, SimParams p)
    {
        var name = p.Required("GroupName");
        var description = p.Required("GroupDescription");
        var vpcId = p.Get("VpcId") ?? Net.Vpcs.Values.First(v => v.IsDefault).VpcId;
        if (!Net.Vpcs.ContainsKey(vpcId))
        {
            throw Ec2Errors.VpcMissing(vpcId);
        }

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

        if (Net.SecurityGroups.Values.Any(g => g.VpcId == vpcId && g.GroupName == name))
        {
            throw new AwsSimException(Ec2Errors.GroupDuplicate, $"The security group '{name}' already exists for VPC '{vpcId}'");
        }

        var tags = TagSpecifications(p, "security-group");
        var group = Net.NewGroup(name, description, vpcId, ownedBy: null);
        foreach (var (key, value) in tags)
        {
            group.Tags[key] = value;
        }

        return Ec2Response(request, E("groupId", group.GroupId), group.Tags.Count > 0 ? TagSet(group.Tags) : null);
    }

    private SimResponse DescribeSecurityGroups(SimRequest request, SimParams p)
    {
        var ids = p.List("GroupId");
        var names = p.List("GroupName");
        var maxResults = p.Int("MaxResults");
        if (maxResults is not null && (ids.Count > 0 || names.Count > 0))
        {
            throw new AwsSimException(SimErrors.InvalidParameterCombination,
                "The parameter groupIdSet cannot be used with the parameter maxResults");
        }

        var selected = new List<Ec2SecurityGroup>();
        foreach (var id in ids)
        {
            if (!id.StartsWith("sg-", StringComparison.Ordinal))
            {
                throw new AwsSimException(Ec2Errors.GroupIdMalformed, $"Invalid id: \"{id}\" (expecting \"sg-...\")");
            }

            selected.Add(VisibleGroup(id) ?? throw Ec2Errors.GroupMissing(id));
        }

        var defaultVpc = Net.Vpcs.Values.First(v => v.IsDefault).VpcId;
        foreach (var name in names)
        {
            // GroupName looks only in the default VPC, as on AWS.
            selected.Add(Net.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == defaultVpc && g.GroupName == name && !Hidden(g.GroupId))
                ?? throw new AwsSimException(Ec2Errors.GroupNotFound, $"The security group '{name}' does not exist in default VPC '{defaultVpc}'"));
        }

        var source = ids.Count > 0 || names.Count > 0
            ? selected.Distinct()
            : Net.SecurityGroups.Values.Where(g => !Hidden(g.GroupId));
        var items = Ec2Filters.Apply(source, Ec2Filters.Read(p), g => g.Tags,
            new Dictionary<string, Func<Ec2SecurityGroup, IEnumerable<string?>>>
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
            }).ToList();
        var page = Page(p, "security-groups", items, min: 5);
        return Ec2Response(request,
            E("securityGroupInfo", page.Items.Select(g => E("item",
                E("ownerId", world.AccountId), E("groupId", g.GroupId), E("groupName", g.GroupName),
                E("groupDescription", g.Description), E("vpcId", g.VpcId),
                E("ipPermissions", Permissions(g.Ingress)), E("ipPermissionsEgress", Permissions(g.Egress)),
                TagSet(g.Tags)))),
            Opt("nextToken", page.NextToken));
    }

    private SimResponse DeleteSecurityGroup(SimRequest request, SimParams p)
    {
        var group = GroupByIdOrName(p);
        if (group.GroupName == "default")
        {
            throw new AwsSimException(Ec2Errors.CannotDelete,
                $"the specified group: \"{group.GroupId}\" name: \"default\" cannot be deleted by a user");
        }

        var inUse = world.SecurityGroupUses().Any(u => u.GroupId == group.GroupId)
            || Net.SecurityGroups.Values.Any(g => g != group
                && g.Ingress.Concat(g.Egress).Any(r => r.SourceGroupId == group.GroupId));
        if (inUse)
        {
            throw new AwsSimException(Ec2Errors.DependencyViolation, $"resource {group.GroupId} has a dependent object");
        }

        Net.SecurityGroups.Remove(group.GroupId);
        return Ec2Response(request, E("return", true), E("groupId", group.GroupId));
    }

    private SimResponse Authorize(SimRequest request, SimParams p)
    {
        var group = GroupByIdOrName(p);
        var rules = ReadPermissions(p);
        if (rules.Count == 0)
        {
            throw new AwsSimException(SimErrors.MissingParameter, "The request must contain the parameter ipPermissions");
        }

        foreach (var rule in rules)
        {
            if (group.Ingress.Any(r => r.SameAs(rule)) || rules.Count(r => r.SameAs(rule)) > 1)
            {
                throw new AwsSimException(Ec2Errors.PermissionDuplicate,
                    $"the specified rule \"peer: {rule.CidrIp ?? rule.SourceGroupId}, {Describe(rule)}, ALLOW\" already exists");
            }
        }

        var tags = TagSpecifications(p, "security-group-rule");
        group.Ingress.AddRange(rules);
        return Ec2Response(request, E("return", true),
            E("securityGroupRuleSet", rules.Select(r => RuleItem(group, r, isEgress: false, tags))));
    }

    private SimResponse Revoke(SimRequest request, SimParams p)
    {
        var group = GroupByIdOrName(p);
        var ruleIds = p.List("SecurityGroupRuleId");
        var toRemove = new List<Ec2Rule>();
        var unknown = new List<Ec2Rule>();
        foreach (var ruleId in ruleIds)
        {
            toRemove.Add(group.Ingress.FirstOrDefault(r => r.RuleId == ruleId)
                ?? throw new AwsSimException("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{ruleId}' does not exist"));
        }

        foreach (var rule in ReadPermissions(p))
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
        return Ec2Response(request, E("return", true),
            unknown.Count > 0 ? E("unknownIpPermissionSet", Permissions(unknown)) : null);
    }

    private SimResponse DescribeSecurityGroupRules(SimRequest request, SimParams p)
    {
        var ruleIds = p.List("SecurityGroupRuleId");
        var rules = Net.SecurityGroups.Values
            .SelectMany(g => g.Ingress.Select(r => (Group: g, Rule: r, Egress: false)).Concat(g.Egress.Select(r => (Group: g, Rule: r, Egress: true))))
            .Where(x => ruleIds.Count == 0 || ruleIds.Contains(x.Rule.RuleId));
        var items = Ec2Filters.Apply(rules, Ec2Filters.Read(p), _ => new Dictionary<string, string>(),
            new Dictionary<string, Func<(Ec2SecurityGroup Group, Ec2Rule Rule, bool Egress), IEnumerable<string?>>>
            {
                ["group-id"] = x => [x.Group.GroupId],
                ["security-group-rule-id"] = x => [x.Rule.RuleId],
            }).ToList();
        var page = Page(p, "security-group-rules", items, min: 5);
        return Ec2Response(request,
            E("securityGroupRuleSet", page.Items.Select(x => RuleItem(x.Group, x.Rule, x.Egress, new Dictionary<string, string>()))),
            Opt("nextToken", page.NextToken));
    }

    private SimResponse AllocateAddress(SimRequest request, SimParams p)
    {
        var domain = p.Get("Domain") ?? "vpc";
        if (domain != "vpc")
        {
            throw SimErrors.Invalid($"Invalid value '{domain}' for domain.");
        }

        var address = new Ec2Address(world.Ids.AllocationId(), Net.NextPublicIp());
        foreach (var (key, value) in TagSpecifications(p, "elastic-ip"))
        {
            address.Tags[key] = value;
        }

        Net.Addresses[address.AllocationId] = address;
        world.Faults.NoteCreated(Service, address.AllocationId);
        return Ec2Response(request,
            E("publicIp", address.PublicIp), E("domain", "vpc"), E("allocationId", address.AllocationId),
            E("publicIpv4Pool", "amazon"), E("networkBorderGroup", world.Region));
    }

    private SimResponse DescribeAddresses(SimRequest request, SimParams p)
    {
        var allocationIds = p.List("AllocationId");
        var publicIps = p.List("PublicIp");
        var selected = new List<Ec2Address>();
        foreach (var id in allocationIds)
        {
            selected.Add(Net.Addresses.TryGetValue(id, out var a) && !Hidden(id) ? a : throw Ec2Errors.AllocationMissing(id));
        }

        foreach (var ip in publicIps)
        {
            selected.Add(Net.Addresses.Values.FirstOrDefault(a => a.PublicIp == ip)
                ?? throw new AwsSimException(Ec2Errors.AddressNotFound, $"Address '{ip}' not found."));
        }

        var source = allocationIds.Count > 0 || publicIps.Count > 0 ? selected.Distinct() : Net.Addresses.Values.Where(a => !Hidden(a.AllocationId));
        var items = Ec2Filters.Apply(source, Ec2Filters.Read(p), a => a.Tags,
            new Dictionary<string, Func<Ec2Address, IEnumerable<string?>>>
            {
                ["allocation-id"] = a => [a.AllocationId],
                ["public-ip"] = a => [a.PublicIp],
                ["domain"] = _ => ["vpc"],
                ["association-id"] = a => [a.AssociationId],
                ["network-interface-id"] = a => [a.NetworkInterfaceId],
            });
        return Ec2Response(request, E("addressesSet", items.Select(a => E("item",
            E("publicIp", a.PublicIp), E("allocationId", a.AllocationId), E("domain", "vpc"),
            Opt("associationId", a.AssociationId), Opt("networkInterfaceId", a.NetworkInterfaceId),
            a.NetworkInterfaceId is null ? null : E("networkInterfaceOwnerId", world.AccountId),
            TagSet(a.Tags), E("publicIpv4Pool", "amazon"), E("networkBorderGroup", world.Region)))));
    }

    private SimResponse ReleaseAddress(SimRequest request, SimParams p)
    {
        var allocationId = p.Get("AllocationId");
        Ec2Address address;
        if (allocationId is not null)
        {
            address = Net.Addresses.GetValueOrDefault(allocationId) ?? throw Ec2Errors.AllocationMissing(allocationId);
        }
        else
        {
            var ip = p.Get("PublicIp") ?? throw SimErrors.Missing("AllocationId");
            address = Net.Addresses.Values.FirstOrDefault(a => a.PublicIp == ip)
                ?? throw new AwsSimException("AuthFailure", "You do not have permission to access the specified resource.");
        }

        if (address.AssociationId is not null)
        {
            throw new AwsSimException(Ec2Errors.AddressInUse, $"The address with allocation id [{address.AllocationId}] is in use.");
        }

        Net.Addresses.Remove(address.AllocationId);
        return Ec2Response(request, E("return", true));
    }

    private SimResponse CreateTags(SimRequest request, SimParams p)
    {
        var resources = p.List("ResourceId");
        if (resources.Count == 0)
        {
            throw SimErrors.Missing("ResourceId");
        }

        var tags = p.Pairs("Tag");
        if (tags.Count == 0)
        {
            throw SimErrors.Missing("Tag");
        }

        if (tags.FirstOrDefault(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) is { Key: not null } reserved)
        {
            throw SimErrors.Invalid($"Tag keys starting with 'aws:' are reserved for internal use ({reserved.Key})");
        }

        var targets = resources.Select(TagsOf).ToList();
        foreach (var target in targets)
        {
            foreach (var (key, value) in tags)
            {
                target[key] = value;
            }
        }

        return Ec2Response(request, E("return", true));
    }

    private SimResponse DeleteTags(SimRequest request, SimParams p)
    {
        var resources = p.List("ResourceId");
        if (resources.Count == 0)
        {
            throw SimErrors.Missing("ResourceId");
        }

        var tagPrefixes = p.Indexed("Tag");
        foreach (var target in resources.Select(TagsOf).ToList())
        {
            if (tagPrefixes.Count == 0)
            {
                target.Clear();
                continue;
            }

            foreach (var prefix in tagPrefixes)
            {
                var key = p.Required(prefix + ".Key");
                var value = p.Get(prefix + ".Value");
                if (target.TryGetValue(key, out var current) && (value is null || value == current))
                {
                    target.Remove(key);
                }
            }
        }

        return Ec2Response(request, E("return", true));
    }

    private SimResponse DescribeTags(SimRequest request, SimParams p)
    {
        var all = Net.Vpcs.Values.SelectMany(v => v.Tags.Select(t => (Id: v.VpcId, Type: "vpc", t.Key, t.Value)))
            .Concat(Net.Subnets.Values.SelectMany(s => s.Tags.Select(t => (Id: s.SubnetId, Type: "subnet", t.Key, t.Value))))
            .Concat(Net.SecurityGroups.Values.SelectMany(g => g.Tags.Select(t => (Id: g.GroupId, Type: "security-group", t.Key, t.Value))))
            .Concat(Net.Addresses.Values.SelectMany(a => a.Tags.Select(t => (Id: a.AllocationId, Type: "elastic-ip", t.Key, t.Value))))
            .OrderBy(t => t.Id, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal);
        var items = Ec2Filters.Apply(all, Ec2Filters.Read(p), _ => new Dictionary<string, string>(),
            new Dictionary<string, Func<(string Id, string Type, string Key, string Value), IEnumerable<string?>>>
            {
                ["resource-id"] = t => [t.Id],
                ["resource-type"] = t => [t.Type],
                ["key"] = t => [t.Key],
                ["value"] = t => [t.Value],
            }).ToList();
        var page = Page(p, "tags", items, min: 5);
        return Ec2Response(request,
            E("tagSet", page.Items.Select(t => E("item", E("resourceId", t.Id), E("resourceType", t.Type), E("key", t.Key), E("value", t.Value)))),
            Opt("nextToken", page.NextToken));
    }

    private SimPage<T> Page<T>(SimParams p, string list, IReadOnlyList<T> items, int min)
    {
        var max = p.Int("MaxResults");
        if (max is { } m && (m < min || m > 1000))
        {
            throw SimErrors.Invalid($"Value ( {m} ) for parameter maxResults is invalid. Expecting a value between {min} and 1000.");
        }

        return world.Paging.Page(Service, list, items, p.Get("NextToken"), max, paginateWhenUnrequested: false,
            invalidTokenCode: "InvalidNextToken");
    }

    private Ec2SecurityGroup? VisibleGroup(string groupId) =>
        Net.SecurityGroups.TryGetValue(groupId, out var group) && !Hidden(groupId) ? group : null;

    private bool Hidden(string id) => world.Faults.IsHidden(Service, id);

    private Ec2SecurityGroup GroupByIdOrName(SimParams p)
    {
        if (p.Get("GroupId") is { } id)
        {
            return VisibleGroup(id) ?? throw Ec2Errors.GroupMissing(id);
        }

        var name = p.Get("GroupName") ?? throw SimErrors.Missing("GroupId");
        var defaultVpc = Net.Vpcs.Values.First(v => v.IsDefault).VpcId;
        return Net.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == defaultVpc && g.GroupName == name)
            ?? throw new AwsSimException(Ec2Errors.GroupNotFound, $"The security group '{name}' does not exist in default VPC '{defaultVpc}'");
    }

    /// <summary>IpPermissions.N.* (one rule per CIDR and per source group), or the legacy top-level CidrIp form.</summary>
    private List<Ec2Rule> ReadPermissions(SimParams p)
    {
        var rules = new List<Ec2Rule>();
        foreach (var prefix in p.Indexed("IpPermissions"))
        {
            var (protocol, from, to) = ReadProtocol(p.Get(prefix + ".IpProtocol"), p.Int(prefix + ".FromPort"), p.Int(prefix + ".ToPort"));
            foreach (var range in p.Indexed(prefix + ".IpRanges"))
            {
                var cidr = p.Required(range + ".CidrIp");
                CheckCidr(cidr);
                rules.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), protocol, from, to, cidr, null, p.Get(range + ".Description")));
            }

            foreach (var pair in p.Indexed(prefix + ".Groups"))
            {
                var source = p.Get(pair + ".GroupId") ?? throw SimErrors.Missing("GroupId");
                if (!Net.SecurityGroups.ContainsKey(source))
                {
                    throw Ec2Errors.GroupMissing(source);
                }

                rules.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), protocol, from, to, null, source, p.Get(pair + ".Description")));
            }

            if (p.Indexed(prefix + ".Ipv6Ranges").Count > 0 || p.Indexed(prefix + ".PrefixListIds").Count > 0)
            {
                throw new AwsSimException("Unsupported", "The simulator supports IPv4 ranges and security group peers only.");
            }
        }

        if (p.Get("CidrIp") is { } legacyCidr)
        {
            CheckCidr(legacyCidr);
            var (protocol, from, to) = ReadProtocol(p.Get("IpProtocol"), p.Int("FromPort"), p.Int("ToPort"));
            rules.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), protocol, from, to, legacyCidr, null, null));
        }

        return rules;
    }

    private static (string Protocol, int? From, int? To) ReadProtocol(string? protocol, int? from, int? to)
    {
        var normalized = protocol?.ToLowerInvariant() switch
        {
            null => throw SimErrors.Missing("IpProtocol"),
            "-1" or "all" => "-1",
            "6" or "tcp" => "tcp",
            "17" or "udp" => "udp",
            "1" or "icmp" => "icmp",
            var other => throw SimErrors.Invalid($"Invalid value '{other}' for IP protocol. Unknown protocol."),
        };
        if (normalized == "-1")
        {
            return ("-1", null, null);
        }

        if (from is null || to is null)
        {
            throw new AwsSimException(Ec2Errors.PermissionMalformed, "Must specify both from and to ports with TCP/UDP/ICMP.");
        }

        if (normalized != "icmp" && (from < 0 || to > 65535 || from > to))
        {
            throw SimErrors.Invalid($"Invalid value 'Invalid port range {from}-{to}' for portRange.");
        }

        return (normalized, from, to);
    }

    private static void CheckCidr(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(parts[1], out var bits) || bits is < 0 or > 32)
        {
            throw SimErrors.Invalid($"CIDR block {cidr} is malformed");
        }
    }

    private static string Describe(Ec2Rule rule) =>
        rule.Protocol == "-1" ? "ALL" : $"{rule.Protocol.ToUpperInvariant()}, from port: {rule.FromPort}, to port: {rule.ToPort}";

    /// <summary>EC2 describes group rules by (protocol, ports) with their CIDR and group peers.</summary>
    private IEnumerable<XElement> Permissions(IEnumerable<Ec2Rule> rules) =>
        rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort)).Select(g => E("item",
            E("ipProtocol", g.Key.Protocol), Opt("fromPort", g.Key.FromPort), Opt("toPort", g.Key.ToPort),
            E("groups", g.Where(r => r.SourceGroupId is not null).Select(r => E("item",
                E("userId", world.AccountId), E("groupId", r.SourceGroupId), Opt("description", r.Description)))),
            E("ipRanges", g.Where(r => r.CidrIp is not null).Select(r => E("item", E("cidrIp", r.CidrIp), Opt("description", r.Description)))),
            E("ipv6Ranges"), E("prefixListIds")));

    private XElement RuleItem(Ec2SecurityGroup group, Ec2Rule rule, bool isEgress, IReadOnlyDictionary<string, string> tags) =>
        E("item",
            E("securityGroupRuleId", rule.RuleId), E("groupId", group.GroupId), E("groupOwnerId", world.AccountId),
            E("isEgress", isEgress), E("ipProtocol", rule.Protocol), E("fromPort", rule.FromPort ?? -1), E("toPort", rule.ToPort ?? -1),
            Opt("cidrIpv4", rule.CidrIp),
            rule.SourceGroupId is null ? null : E("referencedGroupInfo", E("groupId", rule.SourceGroupId), E("userId", world.AccountId)),
            Opt("description", rule.Description),
            TagSet(tags));

    /// <summary>Tags from TagSpecification.N (only the specs for <paramref name="resourceType"/>).</summary>
    private static Dictionary<string, string> TagSpecifications(SimParams p, string resourceType)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in p.Indexed("TagSpecification"))
        {
            var type = p.Get(spec + ".ResourceType");
            if (type is not null && type != resourceType)
            {
                throw SimErrors.Invalid($"'{type}' is not a valid taggable resource type for this operation.");
            }

            foreach (var (key, value) in p.Pairs(spec + ".Tag"))
            {
                tags[key] = value;
            }
        }

        return tags;
    }

    private Dictionary<string, string> TagsOf(string resourceId)
    {
        var prefix = resourceId.Split('-')[0];
        return prefix switch
        {
            "sg" => (VisibleGroup(resourceId) ?? throw Ec2Errors.GroupMissing(resourceId)).Tags,
            "eipalloc" => (Net.Addresses.GetValueOrDefault(resourceId) ?? throw Ec2Errors.AllocationMissing(resourceId)).Tags,
            "subnet" => (Net.Subnets.GetValueOrDefault(resourceId) ?? throw Ec2Errors.SubnetMissing(resourceId)).Tags,
            "vpc" => (Net.Vpcs.GetValueOrDefault(resourceId) ?? throw Ec2Errors.VpcMissing(resourceId)).Tags,
            _ => throw new AwsSimException(Ec2Errors.InvalidId, $"The ID '{resourceId}' is not valid"),
        };
    }

    private static XElement TagSet(IReadOnlyDictionary<string, string> tags) =>
        E("tagSet", tags.Select(t => E("item", E("key", t.Key), E("value", t.Value))));
}
