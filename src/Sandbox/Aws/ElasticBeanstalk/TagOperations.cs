using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>ListTagsForResource, UpdateTagsForResource.</summary>
internal sealed class TagOperations(TagStore tags) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("ListTagsForResource", ListTagsForResource)
        .Add("UpdateTagsForResource", UpdateTagsForResource);

    private SimResponse ListTagsForResource(SimRequest request, SimParams p)
    {
        var arn = p.Required("ResourceArn");
        return EbXml.Respond(request, X.Opt("ResourceArn", arn), X.Tags("ResourceTags", tags.List(arn)));
    }

    private SimResponse UpdateTagsForResource(SimRequest request, SimParams p)
    {
        tags.Update(p.Required("ResourceArn"), p.Tags("TagsToAdd"), p.Members("TagsToRemove"));
        return EbXml.RespondEmpty(request);
    }
}
