using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>ListPlatformVersions, ListAvailableSolutionStacks.</summary>
internal sealed class PlatformOperations(PlatformStore platforms, EbPaging paging) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("ListPlatformVersions", ListPlatformVersions)
        .Add("ListAvailableSolutionStacks", ListAvailableSolutionStacks);

    private SimResponse ListPlatformVersions(SimRequest request, SimParams p)
    {
        var filters = p.Structs("Filters").Select(f => new EbPlatformFilter(f.Required("Type"), f.Get("Operator") ?? "=", f.Members("Values")));
        var page = paging.Page(platforms.Filter([.. filters]), p, request.Action);
        return EbXml.Respond(request, X.Members("PlatformSummaryList", page.Items, EbXml.Platform), X.Opt("NextToken", page.NextToken));
    }

    private SimResponse ListAvailableSolutionStacks(SimRequest request, SimParams p) => EbXml.Respond(
        request,
        X.Strings("SolutionStacks", platforms.All.Select(s => s.SolutionStackName)),
        X.Members("SolutionStackDetails", platforms.All, s => [X.Opt("SolutionStackName", s.SolutionStackName), X.Strings("PermittedFileTypes", ["jar", "zip"])]));
}
