using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>CreateApplicationVersion, DescribeApplicationVersions, DeleteApplicationVersion.</summary>
internal sealed class VersionOperations(SimWorld world, VersionStore versions, EbPaging paging) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateApplicationVersion", CreateApplicationVersion)
        .Add("DescribeApplicationVersions", DescribeApplicationVersions)
        .Add("DeleteApplicationVersion", DeleteApplicationVersion);

    private SimResponse CreateApplicationVersion(SimRequest request, SimParams p)
    {
        var version = versions.Create(
            new EbVersionInput(
                p.Required("ApplicationName"),
                p.Required("VersionLabel"),
                p.Get("Description"),
                p.Get("SourceBundle.S3Bucket"),
                p.Get("SourceBundle.S3Key"),
                p.Bool("AutoCreateApplication") ?? false,
                p.Bool("Process") ?? false,
                p.Tags()),
            request.RequestId);
        return EbXml.Respond(request, X.E("ApplicationVersion", Describe(version)));
    }

    private SimResponse DescribeApplicationVersions(SimRequest request, SimParams p)
    {
        var all = versions.Describe(p.Get("ApplicationName"), p.Members("VersionLabels"));
        var page = paging.Page(all, p, request.Action);
        return EbXml.Respond(request, X.Members("ApplicationVersions", page.Items, Describe), X.Opt("NextToken", page.NextToken));
    }

    private SimResponse DeleteApplicationVersion(SimRequest request, SimParams p)
    {
        versions.Delete(p.Required("ApplicationName"), p.Required("VersionLabel"), p.Bool("DeleteSourceBundle") ?? false);
        return EbXml.RespondEmpty(request);
    }

    private object?[] Describe(EbApplicationVersion version) => EbXml.Version(version, world.Time.GetUtcNow());
}
