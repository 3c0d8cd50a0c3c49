using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>CreateSecurityGroup, DescribeSecurityGroups, DeleteSecurityGroup.</summary>
internal sealed class SecurityGroupOperations(SimWorld world, SecurityGroupStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateSecurityGroup", Create)
        .Add("DescribeSecurityGroups", Describe)
        .Add("DeleteSecurityGroup", Delete);

    /// <summary>EC2 describes a group's rules by (protocol, ports) with their CIDR and group peers.</summary>
    public static IEnumerable<XElement> Permissions(string accountId, IEnumerable<Ec2Rule> rules) =>
        rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort)).Select(g => E("item",
            E("ipProtocol", g.Key.Protocol), Opt("fromPort", g.Key.FromPort), Opt("toPort", g.Key.ToPort),
            E("groups", g.Where(r => r.SourceGroupId is not null).Select(r => E("item",
                E("userId", accountId), E("groupId", r.SourceGroupId), Opt("description", r.Description)))),
            E("ipRanges", g.Where(r => r.CidrIp is not null).Select(r => E("item", E("cidrIp", r.CidrIp), Opt("description", r.Description)))),
            E("ipv6Ranges"), E("prefixListIds")));

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var name = p.Required("GroupName");
        var description = p.Required("GroupDescription");
        var group = store.Create(name, description, p.Get("VpcId"), Ec2Xml.TagSpecifications(p, "security-group"));
        return Ec2Response(request, E("groupId", group.GroupId), group.Tags.Count > 0 ? Ec2Xml.TagSet(group.Tags) : null);
    }

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var groups = store.Describe(p.List("GroupId"), p.List("GroupName"), p.Int("MaxResults") is not null, Ec2Filters.Read(p));
        var page = Ec2Xml.Page(world, p, "security-groups", groups);
        return Ec2Response(request,
            E("securityGroupInfo", page.Items.Select(g => E("item",
                E("ownerId", world.AccountId), E("groupId", g.GroupId), E("groupName", g.GroupName),
                E("groupDescription", g.Description), E("vpcId", g.VpcId),
                E("ipPermissions", Permissions(world.AccountId, g.Ingress)), E("ipPermissionsEgress", Permissions(world.AccountId, g.Egress)),
                Ec2Xml.TagSet(g.Tags)))),
            Opt("nextToken", page.NextToken));
    }

    private SimResponse Delete(SimRequest request, SimParams p)
    {
        var groupId = store.Delete(p.Get("GroupId"), p.Get("GroupName"));
        return Ec2Response(request, E("return", true), E("groupId", groupId));
    }
}
