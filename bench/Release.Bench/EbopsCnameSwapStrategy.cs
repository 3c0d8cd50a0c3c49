using System.Text.Json.Nodes;
using Ebops.Bench.Release.Fleet;
using Ebops.Operator.Entities;

namespace Ebops.Bench.Release;

/// <summary>
/// ebops' CNAME swap: SwapEnvironmentCNAMEs once the gate passes, blue kept for <c>cnameDrainSeconds</c> (its default,
/// 360 s, scaled) because resolvers and clients cache the old answer, then until drained. Clients resolve the stable
/// CNAME as in <c>cname-swap</c>; no NlbFrontend.
/// </summary>
internal sealed class EbopsCnameSwapStrategy() : EbopsStrategy("ebops-cname-swap", 60, CutoverMethod.CnameSwap)
{
    protected override void Strategy(JsonObject strategy, FleetSettings settings) =>
        strategy["cnameDrainSeconds"] = settings.SpecSeconds(360, minimum: 1);
}
