using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>Where the NLB sends new connections and which ALB each colour's target group holds, with its health.</summary>
internal sealed record TrafficView(
    DeploymentColor? ListenerColor,
    int? CandidateWeight,
    IReadOnlyDictionary<DeploymentColor, string> RegisteredAlbs,
    IReadOnlyDictionary<DeploymentColor, string> DrainingAlbs,
    IReadOnlyDictionary<DeploymentColor, string> TargetHealth)
{
    public static TrafficView None { get; } = new(null, null, new Dictionary<DeploymentColor, string>(), new Dictionary<DeploymentColor, string>(),
        new Dictionary<DeploymentColor, string>());
}
