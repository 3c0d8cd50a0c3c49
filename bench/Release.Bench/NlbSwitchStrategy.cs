using System.Text.Json.Nodes;
using Ebops.Bench.Release.Fleet;
using Ebops.Operator.Entities;

namespace Ebops.Bench.Release;

/// <summary>ebops' default: the NlbFrontend's listener switched to green's target group once the gate passes.</summary>
internal sealed class NlbSwitchStrategy() : EbopsStrategy("nlb-switch", 40, CutoverMethod.NlbSwitch)
{
    protected override void Strategy(JsonObject strategy, FleetSettings settings)
    {
    }
}
