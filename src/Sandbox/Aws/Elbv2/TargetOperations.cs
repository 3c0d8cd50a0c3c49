using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using R = Ebops.Sandbox.Aws.Elbv2.Elbv2Xml;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>RegisterTargets, DeregisterTargets, DescribeTargetHealth.</summary>
internal sealed class TargetOperations(TargetStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("RegisterTargets", (request, p) =>
        {
            store.Register(p.Required("TargetGroupArn"), R.ParseTargets(p));
            return R.Respond(request);
        })
        .Add("DeregisterTargets", (request, p) =>
        {
            store.Deregister(p.Required("TargetGroupArn"), R.ParseTargets(p));
            return R.Respond(request);
        })
        .Add("DescribeTargetHealth", (request, p) =>
        {
            var health = store.Describe(p.Required("TargetGroupArn"), R.ParseTargets(p));
            return R.Respond(request, X.Members("TargetHealthDescriptions", health, h =>
            [
                X.E("Target", X.Opt("Id", h.Id), X.Opt("Port", h.Port)),
                X.Opt("HealthCheckPort", h.HealthCheckPort),
                X.E("TargetHealth", X.Opt("State", h.State), X.Opt("Reason", h.Reason), X.Opt("Description", h.Description)),
            ]));
        });
}
