using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using R = Ebops.Sandbox.Aws.Elbv2.Elbv2Xml;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>CreateListener, DescribeListeners, ModifyListener, DeleteListener.</summary>
internal sealed class ListenerOperations(SimWorld world, ListenerStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateListener", (request, p) =>
        {
            var listener = store.Create(p.Required("LoadBalancerArn"), p.Get("Protocol"), p.Int("Port"), ParseActions(p), p.Tags(), p.Structs("Certificates").Count > 0);
            return R.Respond(request, X.Members("Listeners", [listener], ListenerXml));
        })
        .Add("DescribeListeners", (request, p) =>
        {
            var (page, next) = R.Paginate(world.Paging, store.Describe(p.Get("LoadBalancerArn"), p.Members("ListenerArns")), p, request.Action);
            return R.Respond(request, X.Members("Listeners", page, ListenerXml), X.Opt("NextMarker", next));
        })
        .Add("ModifyListener", (request, p) =>
        {
            var actions = p.Has("DefaultActions") ? ParseActions(p) : null;
            var listener = store.Modify(p.Required("ListenerArn"), p.Get("Protocol"), p.Int("Port"), actions, p.Structs("Certificates").Count > 0);
            return R.Respond(request, X.Members("Listeners", [listener], ListenerXml));
        })
        .Add("DeleteListener", async (request, p, _) =>
        {
            await store.DeleteAsync(p.Required("ListenerArn")).ConfigureAwait(false);
            return R.Respond(request);
        });

    private static List<ListenerAction> ParseActions(SimParams p)
        => [.. p.Structs("DefaultActions").Select(a =>
        {
            var forward = a.Struct("ForwardConfig");
            var groups = forward.Structs("TargetGroups").Select(g => (g.Required("TargetGroupArn"), g.Int("Weight"))).ToList();
            var fixedResponse = a.Struct("FixedResponseConfig");
            return new ListenerAction(
                a.Required("Type"),
                a.Int("Order"),
                a.Get("TargetGroupArn"),
                groups.Count > 0 ? groups : null,
                forward.Bool("TargetGroupStickinessConfig.Enabled"),
                forward.Int("TargetGroupStickinessConfig.DurationSeconds"),
                fixedResponse.Get("StatusCode"),
                fixedResponse.Get("ContentType"),
                fixedResponse.Get("MessageBody"));
        })];

    /// <summary>
    /// A listener as DescribeListeners shows it. A forward always carries its ForwardConfig (groups with their weights,
    /// stickiness); <c>TargetGroupArn</c> only when it forwards to a single group.
    /// </summary>
    private static object?[] ListenerXml(Listener l) =>
    [
        X.Opt("ListenerArn", l.Arn),
        X.Opt("LoadBalancerArn", l.LoadBalancerArn),
        X.Opt("Port", l.Port),
        X.Opt("Protocol", l.Protocol),
        X.Members("DefaultActions", l.DefaultActions, a =>
        [
            X.Opt("Type", a.Type),
            X.Opt("TargetGroupArn", a.Type == C.Forward && a.WeightedGroups() is [var only] ? only.Arn : null),
            X.Opt("Order", a.Order),
            a.FixedStatusCode is null ? null : X.E("FixedResponseConfig", X.Opt("MessageBody", a.FixedMessageBody), X.Opt("StatusCode", a.FixedStatusCode), X.Opt("ContentType", a.FixedContentType)),
            a.Type != C.Forward ? null : X.E(
                "ForwardConfig",
                X.Members("TargetGroups", a.WeightedGroups(), g => [X.Opt("TargetGroupArn", g.Arn), X.Opt("Weight", g.Weight)]),
                X.E("TargetGroupStickinessConfig", X.Opt("Enabled", a.Sticky), X.Opt("DurationSeconds", a.Sticky ? a.StickinessSeconds : null))),
        ]),
    ];
}
