using System.Text.Json.Nodes;
using Ebops.Bench.Release.Fleet;
using Ebops.Operator.Entities;

namespace Ebops.Bench.Release;

/// <summary>
/// ebops' canary: new connections shifted to green in steps (10 %, 50 %, 100 %, one simulated minute each) with NLB
/// weighted target groups, green compared with blue at each step. As in the demo, the comparison needs only 3 of green's
/// requests and leaves p99 out: EB's 10 s metrics window is simulated time (0.2 s at scale 0.02) while the request rate
/// is real, so green sees a handful of requests per window, and both versions are the same loopback server.
/// </summary>
internal sealed class NlbWeightedStrategy() : EbopsStrategy("nlb-weighted", 50, CutoverMethod.NlbWeighted)
{
    private static readonly (int Weight, int PauseSeconds)[] Steps = [(10, 60), (50, 60), (100, 0)];

    protected override void Strategy(JsonObject strategy, FleetSettings settings)
    {
        strategy["steps"] = new JsonArray([.. Steps.Select(s => (JsonNode)new JsonObject { ["weight"] = s.Weight, ["pauseSeconds"] = settings.SpecSeconds(s.PauseSeconds, minimum: 1) })]);
        strategy["analysis"] = new JsonObject { ["minRequests"] = 3, ["maxP99IncreasePercent"] = 0 };
    }
}
