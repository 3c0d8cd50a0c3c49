using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// AuthorizeSecurityGroupIngress, RevokeSecurityGroupIngress, DescribeSecurityGroupRules. Permissions arrive as
/// <c>IpPermissions.N.*</c> (one rule per CIDR and per source group) or the legacy top-level CidrIp form.
/// </summary>
internal sealed class SecurityGroupRuleOperations(SimWorld world, SecurityGroupStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("AuthorizeSecurityGroupIngress", Authorize)
        .Add("RevokeSecurityGroupIngress", Revoke)
        .Add("DescribeSecurityGroupRules", DescribeRules);

    private SimResponse Authorize(SimRequest request, SimParams p)
    {
        var permissions = ReadPermissions(p);
        var tags = Ec2Xml.TagSpecifications(p, "security-group-rule");
        var (group, added) = store.Authorize(p.Get("GroupId"), p.Get("GroupName"), permissions);
        return Ec2Response(request, E("return", true),
            E("securityGroupRuleSet", added.Select(r => RuleItem(group, r, isEgress: false, tags))));
    }

    private SimResponse Revoke(SimRequest request, SimParams p)
    {
        var unknown = store.Revoke(p.Get("GroupId"), p.Get("GroupName"), p.List("SecurityGroupRuleId"), ReadPermissions(p));
        return Ec2Response(request, E("return", true),
            unknown.Count > 0 ? E("unknownIpPermissionSet", SecurityGroupOperations.Permissions(world.AccountId, unknown)) : null);
    }

    private SimResponse DescribeRules(SimRequest request, SimParams p)
    {
        var page = Ec2Xml.Page(world, p, "security-group-rules", store.DescribeRules(p.List("SecurityGroupRuleId"), Ec2Filters.Read(p)));
        return Ec2Response(request,
            E("securityGroupRuleSet", page.Items.Select(x => RuleItem(x.Group, x.Rule, x.Egress, new Dictionary<string, string>()))),
            Opt("nextToken", page.NextToken));
    }

    private static List<Ec2PermissionInput> ReadPermissions(SimParams p)
    {
        var permissions = new List<Ec2PermissionInput>();
        foreach (var prefix in p.Indexed("IpPermissions"))
        {
            var (protocol, from, to) = (p.Get(prefix + ".IpProtocol"), p.Int(prefix + ".FromPort"), p.Int(prefix + ".ToPort"));
            permissions.AddRange(p.Indexed(prefix + ".IpRanges").Select(range =>
                new Ec2PermissionInput(protocol, from, to, p.Required(range + ".CidrIp"), null, p.Get(range + ".Description"))));
            permissions.AddRange(p.Indexed(prefix + ".Groups").Select(pair =>
                new Ec2PermissionInput(protocol, from, to, null, p.Get(pair + ".GroupId") ?? throw SimErrors.Missing("GroupId"), p.Get(pair + ".Description"))));
            if (p.Indexed(prefix + ".Ipv6Ranges").Count > 0 || p.Indexed(prefix + ".PrefixListIds").Count > 0)
            {
                throw new AwsSimException("Unsupported", "The simulator supports IPv4 ranges and security group peers only.");
            }
        }

        if (p.Get("CidrIp") is { } legacyCidr)
        {
            permissions.Add(new Ec2PermissionInput(p.Get("IpProtocol"), p.Int("FromPort"), p.Int("ToPort"), legacyCidr, null, null));
        }

        return permissions;
    }

    private XElement RuleItem(Ec2SecurityGroup group, Ec2Rule rule, bool isEgress, IReadOnlyDictionary<string, string> tags) =>
        E("item",
            E("securityGroupRuleId", rule.RuleId), E("groupId", group.GroupId), E("groupOwnerId", world.AccountId),
            E("isEgress", isEgress), E("ipProtocol", rule.Protocol), E("fromPort", rule.FromPort ?? -1), E("toPort", rule.ToPort ?? -1),
            Opt("cidrIpv4", rule.CidrIp),
            rule.SourceGroupId is null ? null : E("referencedGroupInfo", E("groupId", rule.SourceGroupId), E("userId", world.AccountId)),
            Opt("description", rule.Description),
            Ec2Xml.TagSet(tags));
}
