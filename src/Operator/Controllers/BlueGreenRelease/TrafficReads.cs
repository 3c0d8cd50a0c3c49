using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>What a live pass reads of the NLB side: the target groups of <paramref name="TargetGroups"/> (one
/// DescribeTargetHealth each) and, when <paramref name="Listener"/>, the listener's forward (one DescribeListeners).
/// Everything else comes from what the NlbFrontend last reported.</summary>
public sealed record TrafficReads(IReadOnlySet<DeploymentColor> TargetGroups, bool Listener)
{
    /// <summary>
    /// Nothing while green is provisioned and not Ready yet (ProvisionRules waits for the environment first); then green's
    /// target group while green is provisioned and verified (its registration, the gate's target-health check), blue's
    /// while blue is retired (its deregistration and draining), both otherwise. The listener wherever a rule acts on where
    /// it forwards: not while verifying, awaiting promotion or retiring blue (traffic does not move then).
    /// </summary>
    public static TrafficReads For(ReleasePhase? phase, DeploymentColor candidate, bool greenReady) => phase switch
    {
        ReleasePhase.ProvisioningGreen when !greenReady => new(new HashSet<DeploymentColor>(), false),
        ReleasePhase.ProvisioningGreen => new(new HashSet<DeploymentColor> { candidate }, true),
        ReleasePhase.Verifying or ReleasePhase.AwaitingPromotion => new(new HashSet<DeploymentColor> { candidate }, false),
        ReleasePhase.RetiringBlue => new(new HashSet<DeploymentColor> { candidate.Other() }, false),
        _ => new(new HashSet<DeploymentColor> { DeploymentColor.Blue, DeploymentColor.Green }, true),
    };
}
