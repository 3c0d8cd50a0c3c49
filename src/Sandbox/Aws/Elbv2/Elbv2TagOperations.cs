using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using R = Ebops.Sandbox.Aws.Elbv2.Elbv2Xml;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>AddTags, RemoveTags, DescribeTags.</summary>
internal sealed class Elbv2TagOperations(Elbv2TagStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("AddTags", (request, p) =>
        {
            store.Add(R.RequiredList(p, "ResourceArns"), p.Tags());
            return R.Respond(request);
        })
        .Add("RemoveTags", (request, p) =>
        {
            store.Remove(R.RequiredList(p, "ResourceArns"), R.RequiredList(p, "TagKeys"));
            return R.Respond(request);
        })
        .Add("DescribeTags", (request, p) => R.Respond(request,
            X.Members("TagDescriptions", store.Describe(R.RequiredList(p, "ResourceArns")), d => [X.Opt("ResourceArn", d.Arn), X.Tags("Tags", d.Tags)])));
}
