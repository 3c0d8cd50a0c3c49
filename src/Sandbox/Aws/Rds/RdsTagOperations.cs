using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>Tag actions by ARN: AddTagsToResource (<c>Tags.Tag.N</c>), ListTagsForResource, RemoveTagsFromResource
/// (<c>TagKeys.member.N</c>).</summary>
internal sealed class RdsTagOperations(RdsStores stores) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("AddTagsToResource", Add)
        .Add("ListTagsForResource", List)
        .Add("RemoveTagsFromResource", Remove);

    private SimResponse Add(SimRequest request, SimParams p)
    {
        var arn = p.Required("ResourceName");
        var tags = p.Pairs("Tags.Tag");
        if (tags.Count == 0)
        {
            throw SimErrors.Missing("Tags");
        }

        stores.Tags.Add(arn, tags);
        return QueryResponse(request);
    }

    private SimResponse List(SimRequest request, SimParams p) =>
        QueryResponse(request, RdsXml.TagList(stores.Tags.List(p.Required("ResourceName"))));

    private SimResponse Remove(SimRequest request, SimParams p)
    {
        var arn = p.Required("ResourceName");
        var keys = p.List("TagKeys.member");
        if (keys.Count == 0)
        {
            throw SimErrors.Missing("TagKeys");
        }

        stores.Tags.Remove(arn, keys);
        return QueryResponse(request);
    }
}
