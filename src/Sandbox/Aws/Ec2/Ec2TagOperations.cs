using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>CreateTags, DeleteTags, DescribeTags (<c>ResourceId.N</c>, <c>Tag.N.Key</c> / <c>Tag.N.Value</c>).</summary>
internal sealed class Ec2TagOperations(SimWorld world, Ec2TagStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateTags", Create)
        .Add("DeleteTags", Delete)
        .Add("DescribeTags", Describe);

    private static IReadOnlyList<string> ResourceIds(SimParams p)
    {
        var resources = p.List("ResourceId");
        return resources.Count > 0 ? resources : throw SimErrors.Missing("ResourceId");
    }

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var resources = ResourceIds(p);
        var tags = p.Pairs("Tag");
        store.Create(resources, tags.Count > 0 ? tags : throw SimErrors.Missing("Tag"));
        return Ec2Response(request, E("return", true));
    }

    private SimResponse Delete(SimRequest request, SimParams p)
    {
        var resources = ResourceIds(p);
        store.Delete(resources, [.. p.Indexed("Tag").Select(prefix => (p.Required(prefix + ".Key"), p.Get(prefix + ".Value")))]);
        return Ec2Response(request, E("return", true));
    }

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var page = Ec2Xml.Page(world, p, "tags", store.Describe(Ec2Filters.Read(p)));
        return Ec2Response(request,
            E("tagSet", page.Items.Select(t => E("item", E("resourceId", t.ResourceId), E("resourceType", t.ResourceType), E("key", t.Key), E("value", t.Value)))),
            Opt("nextToken", page.NextToken));
    }
}
