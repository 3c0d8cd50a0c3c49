using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// DB parameter group actions: Create/Describe/Modify/DeleteDBParameterGroup(s), DescribeDBParameters (Source filter,
/// MaxRecords 20-100 and Marker) and DescribeEngineDefaultParameters. Lists: <c>Parameters.Parameter.N.ParameterName</c>,
/// <c>Tags.Tag.N.Key</c>.
/// </summary>
internal sealed class RdsParameterGroupOperations(RdsStores stores) : ISimOperations
{
    private static readonly string[] Sources = ["user", "system", "engine-default"];

    public void Register(OperationTable table) => table
        .Add("CreateDBParameterGroup", Create)
        .Add("DescribeDBParameterGroups", Describe)
        .Add("ModifyDBParameterGroup", Modify)
        .Add("DeleteDBParameterGroup", Delete)
        .Add("DescribeDBParameters", DescribeParameters)
        .Add("DescribeEngineDefaultParameters", DescribeEngineDefaults);

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var group = stores.ParameterGroups.Create(
            p.Required("DBParameterGroupName"), p.Required("DBParameterGroupFamily"), p.Required("Description"), p.Pairs("Tags.Tag"));
        return QueryResponse(request, GroupXml(group));
    }

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var page = RdsRequests.Page(stores.World, p, "db-parameter-groups", stores.ParameterGroups.List(p.Get("DBParameterGroupName")));
        return QueryResponse(request, E("DBParameterGroups", page.Items.Select(GroupXml)), Opt("Marker", page.NextToken));
    }

    private SimResponse Modify(SimRequest request, SimParams p)
    {
        var name = p.Required("DBParameterGroupName");
        var entries = p.Indexed("Parameters.Parameter");
        if (entries.Count == 0)
        {
            throw SimErrors.Missing("Parameters");
        }

        var changes = entries.Select(entry =>
        {
            var parameter = p.Required(entry + ".ParameterName");
            var value = p.Get(entry + ".ParameterValue") ?? throw SimErrors.Invalid($"Parameter value for {parameter} must be provided.");
            var method = p.Get(entry + ".ApplyMethod")
                ?? throw SimErrors.Invalid($"ApplyMethod for parameter {parameter} must be provided (immediate | pending-reboot).");
            return new RdsParameterChange(parameter, value, method);
        }).ToList();
        var group = stores.ParameterGroups.Modify(name, changes);
        return QueryResponse(request, E("DBParameterGroupName", group.Name));
    }

    private SimResponse Delete(SimRequest request, SimParams p)
    {
        stores.ParameterGroups.Delete(p.Required("DBParameterGroupName"));
        return QueryResponse(request);
    }

    private SimResponse DescribeParameters(SimRequest request, SimParams p)
    {
        var name = p.Required("DBParameterGroupName");
        var source = p.Get("Source");
        if (source is not null && !Sources.Contains(source))
        {
            throw SimErrors.Invalid($"Invalid value {source} for Source. Valid values are: user, system, engine-default");
        }

        var group = stores.ParameterGroups.Find(name);
        var page = RdsRequests.Page(stores.World, p, "db-parameters:" + group.Name, stores.ParameterGroups.Parameters(name, source));
        return QueryResponse(request, E("Parameters", page.Items.Select(ParameterXml)), Opt("Marker", page.NextToken));
    }

    private SimResponse DescribeEngineDefaults(SimRequest request, SimParams p)
    {
        var family = p.Required("DBParameterGroupFamily");
        if (!RdsEngineCatalog.IsFamily(family))
        {
            throw RdsErrors.InvalidFamily(family);
        }

        var defaults = RdsParameterCatalog.Sorted(family).Select(d => new RdsParameterView(d, d.Value, d.Source, RdsStatus.PendingReboot)).ToList();
        var page = RdsRequests.Page(stores.World, p, "engine-defaults:" + family, defaults);
        return QueryResponse(request, E("EngineDefaults",
            E("DBParameterGroupFamily", family), Opt("Marker", page.NextToken), E("Parameters", page.Items.Select(ParameterXml))));
    }

    private static XElement GroupXml(RdsParameterGroup group) =>
        E("DBParameterGroup",
            E("DBParameterGroupName", group.Name), E("DBParameterGroupFamily", group.Family),
            E("Description", group.Description), E("DBParameterGroupArn", group.Arn));

    private static XElement ParameterXml(RdsParameterView v) =>
        E("Parameter",
            E("ParameterName", v.Definition.Name),
            Opt("ParameterValue", v.Value),
            E("Description", v.Definition.Description),
            E("Source", v.Source),
            E("ApplyType", v.Definition.ApplyType),
            E("DataType", v.Definition.DataType),
            Opt("AllowedValues", v.Definition.AllowedValues),
            E("IsModifiable", v.Definition.IsModifiable),
            E("ApplyMethod", v.ApplyMethod));
}
