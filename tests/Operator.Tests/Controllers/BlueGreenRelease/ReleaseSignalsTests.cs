using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>
/// <see cref="ReleaseSignals.Accepts"/> (what kubectl ebops and the Argo CD discovery refuse up front) must say exactly
/// what the planner does with a signal: for a release at rest in each phase, the planner takes the signal (no
/// SignalIgnored event) if and only if the rule accepts it.
/// </summary>
public sealed class ReleaseSignalsTests
{
    /// <summary>A release settled in a phase: one planner pass without a signal has run, so its pause reason is set.</summary>
    private static readonly Dictionary<string, Func<ReleaseScenario>> Scenarios = new()
    {
        ["no release yet (dry run)"] = () => DryRun(new ReleaseScenario()),
        ["Idle"] = () => Steady(new ReleaseScenario().BlueServes(version: "1.0.2"), ReleasePhase.Idle),
        ["Succeeded"] = () => Steady(new ReleaseScenario().BlueServes(version: "1.0.2"), ReleasePhase.Succeeded),
        ["ProvisioningGreen"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.ProvisioningGreen).GreenIs("Launching"),
        ["Verifying"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Verifying).GreenIs("Ready").GreenRegistered(),
        ["AwaitingPromotion (manual)"] = () => Manual(new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered()),
        ["AwaitingPromotion (auto, later)"] = () => Auto(new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered()),
        ["AwaitingPromotion (promoted, database busy)"] = () => Promoted(new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered()),
        ["CuttingOver (NlbSwitch)"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered(),
        ["CuttingOver (weighted, manual step)"] = () => Weighted(pauseSeconds: null),
        ["CuttingOver (weighted, timed step)"] = () => Weighted(pauseSeconds: 300),
        ["Baking"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Baking).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0),
        ["SwitchingBack"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.SwitchingBack).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0),
        ["RetiringBlue"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.RetiringBlue).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0),
        ["Aborting"] = () => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Aborting).GreenIs("Ready").GreenRegistered(),
        ["Aborted"] = () => EndedBadly(ReleasePhase.Aborted),
        ["RolledBack"] = () => EndedBadly(ReleasePhase.RolledBack),
        ["Failed"] = () => EndedBadly(ReleasePhase.Failed),
    };

    public static TheoryData<string, ReleaseSignal> Cases()
    {
        var data = new TheoryData<string, ReleaseSignal>();
        foreach (var name in Scenarios.Keys)
        {
            foreach (var signal in ReleaseSignals.All)
            {
                data.Add(name, signal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_accepts_a_signal_exactly_when_the_planner_takes_it(string scenario, ReleaseSignal signal)
    {
        var s = Scenarios[scenario]();
        s.Decide(Observe(s));
        var phase = s.Status.Phase;
        var accepted = ReleaseSignals.Accepts(signal, s.Spec, s.Status);
        var refusal = ReleaseSignals.Refusal(signal, s.Spec, s.Status);

        var decision = s.Decide(seen => Observe(s)(seen) with { Signal = new SignalRequest(signal, "rv-100", "tester") });

        var taken = !decision.Events.Any(e => e.Reason == "SignalIgnored");
        Assert.True(accepted == taken, $"{scenario} ({phase}): rule says {(accepted ? "accept" : "refuse")}, planner {(taken ? "took" : "ignored")} {signal}");
        Assert.Equal(accepted, refusal is null);
        if (refusal is not null)
        {
            Assert.Contains($"phase {phase?.ToString() ?? "none"}", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_round_trip_and_nothing_else_parses()
    {
        foreach (var signal in ReleaseSignals.All)
        {
            Assert.True(ReleaseSignals.TryParse(ReleaseSignals.Name(signal), out var parsed));
            Assert.Equal(signal, parsed);
        }

        Assert.False(ReleaseSignals.TryParse("Promote", out _));
        Assert.False(ReleaseSignals.TryParse("", out _));
        Assert.False(ReleaseSignals.TryParse(null, out _));
    }

    [Fact]
    public void A_second_promote_is_refused_with_who_promoted()
    {
        var s = Promoted(new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion));

        Assert.Contains("already promoted by dave", ReleaseSignals.Refusal(ReleaseSignal.Promote, s.Spec, s.Status), StringComparison.Ordinal);
    }

    /// <summary>What AWS shows in each scenario on every pass (the listener follows the active colour; weighted: green at its step).</summary>
    private static Func<ReleaseObservation, ReleaseObservation> Observe(ReleaseScenario s) => seen =>
        s.Spec.Strategy.Cutover == CutoverMethod.NlbWeighted
            ? seen with { CandidateWeight = s.Spec.Strategy.Steps![0].Weight, ListenerColor = null }
            : seen with { ListenerColor = s.Status.ActiveColor ?? DeploymentColor.Blue, DatabaseBusy = s.Status.PromotedBy is null ? null : "modifying" };

    private static ReleaseScenario Steady(ReleaseScenario s, ReleasePhase? phase)
    {
        s.Status.Phase = phase;
        return s;
    }

    private static ReleaseScenario DryRun(ReleaseScenario s)
    {
        s.Spec.DryRun = true;
        return s;
    }

    private static ReleaseScenario Manual(ReleaseScenario s)
    {
        s.Spec.Strategy.AutoPromotion = false;
        return s;
    }

    private static ReleaseScenario Auto(ReleaseScenario s)
    {
        s.Spec.Strategy.AutoPromotionSeconds = 600;
        return s;
    }

    private static ReleaseScenario Promoted(ReleaseScenario s)
    {
        s.Status.PromotedBy = "dave";
        return s;
    }

    private static ReleaseScenario Weighted(int? pauseSeconds)
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered();
        s.Spec.Strategy.Cutover = CutoverMethod.NlbWeighted;
        s.Spec.Strategy.Steps = [new() { Weight = 25, PauseSeconds = pauseSeconds }, new() { Weight = 100 }];
        return s;
    }

    private static ReleaseScenario EndedBadly(ReleasePhase phase)
    {
        var s = new ReleaseScenario().BlueServes();
        s.Status.Phase = phase;
        s.Status.CandidateVersion = "1.0.2";
        return s;
    }
}
