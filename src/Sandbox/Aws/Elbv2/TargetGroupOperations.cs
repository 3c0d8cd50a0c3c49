using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using R = Ebops.Sandbox.Aws.Elbv2.Elbv2Xml;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>Create/Describe/Modify/DeleteTargetGroup(s), Describe/ModifyTargetGroupAttributes.</summary>
internal sealed class TargetGroupOperations(SimWorld world, TargetGroupStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateTargetGroup", (request, p) => R.Respond(request, X.Members("TargetGroups", [store.Create(Parse(p, create: true))], TargetGroupXml)))
        .Add("DescribeTargetGroups", (request, p) =>
        {
            var all = store.Describe(p.Get("LoadBalancerArn"), p.Members("TargetGroupArns"), p.Members("Names"));
            var (page, next) = R.Paginate(world.Paging, all, p, request.Action);
            return R.Respond(request, X.Members("TargetGroups", page, TargetGroupXml), X.Opt("NextMarker", next));
        })
        .Add("ModifyTargetGroup", (request, p) =>
            R.Respond(request, X.Members("TargetGroups", [store.Modify(p.Required("TargetGroupArn"), Parse(p, create: false))], TargetGroupXml)))
        .Add("DeleteTargetGroup", async (request, p, _) =>
        {
            await store.DeleteAsync(p.Required("TargetGroupArn")).ConfigureAwait(false);
            return R.Respond(request);
        })
        .Add("DescribeTargetGroupAttributes", (request, p) => R.Respond(request, R.AttributesXml(store.DescribeAttributes(p.Required("TargetGroupArn")))))
        .Add("ModifyTargetGroupAttributes", (request, p) =>
            R.Respond(request, R.AttributesXml(store.ModifyAttributes(p.Required("TargetGroupArn"), R.ParseAttributes(p)))));

    private static TargetGroupInput Parse(SimParams p, bool create) => new()
    {
        Name = create ? p.Required("Name") : null,
        TargetType = p.Get("TargetType"),
        Protocol = p.Get("Protocol"),
        ProtocolVersion = p.Get("ProtocolVersion"),
        Port = p.Int("Port"),
        VpcId = p.Get("VpcId"),
        HealthCheckProtocol = p.Get("HealthCheckProtocol"),
        HealthCheckPort = p.Get("HealthCheckPort"),
        HealthCheckPath = p.Get("HealthCheckPath"),
        HealthCheckEnabled = p.Bool("HealthCheckEnabled"),
        HealthCheckIntervalSeconds = p.Int("HealthCheckIntervalSeconds"),
        HealthCheckTimeoutSeconds = p.Int("HealthCheckTimeoutSeconds"),
        HealthyThresholdCount = p.Int("HealthyThresholdCount"),
        UnhealthyThresholdCount = p.Int("UnhealthyThresholdCount"),
        Matcher = p.Get("Matcher.HttpCode"),
        IpAddressType = p.Get("IpAddressType"),
        Tags = p.Tags(),
    };

    private object?[] TargetGroupXml(TargetGroup g) =>
    [
        X.Opt("TargetGroupArn", g.Arn),
        X.Opt("TargetGroupName", g.Name),
        X.Opt("Protocol", g.Protocol),
        X.Opt("Port", g.Port),
        X.Opt("VpcId", g.VpcId),
        X.Opt("HealthCheckProtocol", g.HealthCheckProtocol),
        X.Opt("HealthCheckPort", g.HealthCheckPort),
        X.Opt("HealthCheckEnabled", g.HealthCheckEnabled),
        X.Opt("HealthCheckIntervalSeconds", g.HealthCheckIntervalSeconds),
        X.Opt("HealthCheckTimeoutSeconds", g.HealthCheckTimeoutSeconds),
        X.Opt("HealthyThresholdCount", g.HealthyThresholdCount),
        X.Opt("UnhealthyThresholdCount", g.UnhealthyThresholdCount),
        g.HealthCheckPath.Length > 0 ? X.Opt("HealthCheckPath", g.HealthCheckPath) : null,
        g.Matcher is null ? null : X.E("Matcher", X.Opt("HttpCode", g.Matcher)),
        X.Strings("LoadBalancerArns", store.LoadBalancerArnsOf(g)),
        X.Opt("TargetType", g.TargetType),
        X.Opt("ProtocolVersion", g.ProtocolVersion),
        X.Opt("IpAddressType", g.IpAddressType),
    ];
}
