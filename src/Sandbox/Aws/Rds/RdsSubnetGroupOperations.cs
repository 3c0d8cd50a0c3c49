using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>DB subnet group actions: Create/Describe/Modify/DeleteDBSubnetGroup(s). Lists:
/// <c>SubnetIds.SubnetIdentifier.N</c>, <c>Tags.Tag.N.Key</c>.</summary>
internal sealed class RdsSubnetGroupOperations(RdsStores stores) : ISimOperations
{
    private const string SubnetList = "SubnetIds.SubnetIdentifier";

    public void Register(OperationTable table) => table
        .Add("CreateDBSubnetGroup", Create)
        .Add("DescribeDBSubnetGroups", Describe)
        .Add("ModifyDBSubnetGroup", Modify)
        .Add("DeleteDBSubnetGroup", Delete);

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var name = p.Required("DBSubnetGroupName");
        var description = p.Required("DBSubnetGroupDescription");
        var group = stores.SubnetGroups.Create(name, description, Subnets(p), p.Pairs("Tags.Tag"));
        return Render(request, group);
    }

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var page = RdsRequests.Page(stores.World, p, "db-subnet-groups", stores.SubnetGroups.List(p.Get("DBSubnetGroupName")));
        return stores.Read(_ => QueryResponse(request,
            E("DBSubnetGroups", page.Items.Select(g => RdsXml.SubnetGroup(g, stores.World.Network))), Opt("Marker", page.NextToken)));
    }

    private SimResponse Modify(SimRequest request, SimParams p)
    {
        var name = p.Required("DBSubnetGroupName");
        var group = stores.SubnetGroups.Modify(name, p.Get("DBSubnetGroupDescription"), Subnets(p));
        return Render(request, group);
    }

    private SimResponse Delete(SimRequest request, SimParams p)
    {
        stores.SubnetGroups.Delete(p.Required("DBSubnetGroupName"));
        return QueryResponse(request);
    }

    private static IReadOnlyList<string> Subnets(SimParams p) =>
        p.List(SubnetList) is { Count: > 0 } subnets ? subnets : throw SimErrors.Missing("SubnetIds");

    private SimResponse Render(SimRequest request, RdsSubnetGroup group) =>
        stores.Read(_ => QueryResponse(request, RdsXml.SubnetGroup(group, stores.World.Network)));
}
