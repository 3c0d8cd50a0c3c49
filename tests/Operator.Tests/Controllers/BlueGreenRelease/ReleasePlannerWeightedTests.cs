using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleasePlannerWeightedTests
{
    private static readonly TrafficComparison Good = new(250, 0.4, 40, 4750, 0.3, 38);

    private static ReleaseScenario Shifting(params TrafficStep[] steps)
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered();
        s.Spec.Strategy.Cutover = CutoverMethod.NlbWeighted;
        s.Spec.Strategy.Steps = steps.Length > 0 ? [.. steps] :
        [
            new() { Weight = 5, PauseSeconds = 120 },
            new() { Weight = 25, PauseSeconds = 300 },
            new() { Weight = 100 },
        ];
        return s;
    }

    [Fact]
    public void Each_step_sets_the_weight_then_watches_it_and_advances_after_its_pause_with_a_passing_comparison()
    {
        var s = Shifting();

        Assert.Equal(new SetWeights(DeploymentColor.Green, 5), s.Decide().Action);
        Assert.Equal(1, s.Status.Traffic!.Step);

        var watching = s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null, Comparison = Good, GateRound = Passing() });
        Assert.Null(watching.Action);
        Assert.Equal("green 5%", s.Status.Traffic.Summary);
        Assert.True(s.Status.Traffic.Steps![0].Passed);
        Assert.Contains("green 5xx 0.4% (250 req), blue 0.3% (4750 req); p99 40 ms vs 38 ms", s.Status.Traffic.Steps[0].Analysis, StringComparison.Ordinal);

        s.Now += TimeSpan.FromSeconds(120);
        var next = s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null });
        Assert.Equal(new SetWeights(DeploymentColor.Green, 25), next.Action);
        Assert.Equal(2, s.Status.Traffic.Step);
        Assert.Equal(s.Now, s.Status.Traffic.Steps[0].EndedAt);
        Assert.Contains(next.Events, e => e.Reason == "StepPassed");
    }

    [Fact]
    public void A_first_release_has_no_blue_to_share_with_and_cuts_over_at_once()
    {
        var s = Shifting();
        s.Status.ActiveColor = null;
        s.Status.StableVersion = null;
        s.Status.CandidateColor = DeploymentColor.Blue;
        s.Environments.Clear();
        s.Environments[DeploymentColor.Blue] = Env(DeploymentColor.Blue, "Ready", "1.0.2", 2, 2);

        // The NLB's listener forwards to the blue group from its creation: green (here the blue slot) has it all already.
        var decision = s.Decide(seen => seen with { ListenerColor = DeploymentColor.Blue, CandidateWeight = 100 });

        Assert.Null(decision.Action);
        Assert.Equal(ReleasePhase.Baking, s.Status.Phase);
        Assert.Equal("blue 100%", s.Status.Traffic!.Summary);
    }

    [Fact]
    public void A_step_does_not_advance_without_a_comparison_that_passed()
    {
        var s = Shifting();
        s.Decide();
        s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null, Comparison = Good with { GreenRequests = 3 } });
        s.Now += TimeSpan.FromSeconds(300);

        Assert.Null(s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null }).Action);
        Assert.Null(s.Status.Traffic!.Steps![0].Passed);
        Assert.Contains("no verdict yet", s.Status.Traffic.Steps[0].Analysis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6.0, 0.3, 40.0, "above 5%")]
    [InlineData(2.0, 0.3, 40.0, "exceeds blue's by more than 1 points")]
    [InlineData(0.3, 0.3, 80.0, "more than 50% slower")]
    public void A_failed_comparison_puts_green_back_to_zero_at_once(double greenErrors, double blueErrors, double greenP99, string evidence)
    {
        var s = Shifting();
        s.Decide();

        var decision = s.Decide(seen => seen with { CandidateWeight = 25 - 20, ListenerColor = null, Comparison = new(400, greenErrors, greenP99, 7600, blueErrors, 40) });

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), decision.Action);
        Assert.Equal(ReleasePhase.SwitchingBack, s.Status.Phase);
        Assert.Equal(ReleaseReasons.AnalysisFailed, s.Status.Reason);
        Assert.Contains(evidence, s.Status.Traffic!.Steps![0].Analysis, StringComparison.Ordinal);

        Assert.Equal(new DeregisterAlb(DeploymentColor.Green, s.Registered[DeploymentColor.Green], CloseConnections: true), s.Decide(seen => seen with { CandidateWeight = 0, ListenerColor = DeploymentColor.Blue }).Action);
        s.Registered.Remove(DeploymentColor.Green);
        s.Decide(seen => seen with { CandidateWeight = 0, ListenerColor = DeploymentColor.Blue });
        Assert.Equal(ReleasePhase.RolledBack, s.Status.Phase);
        Assert.Equal(0, s.Status.Traffic.GreenWeight);
        Assert.Equal("blue 100%", s.Status.Traffic.Summary);
        Assert.Equal(ReleaseReasons.AnalysisFailed, s.Status.History![0].Reason);
    }

    [Fact]
    public void A_step_without_pause_waits_for_promote()
    {
        var s = Shifting(new TrafficStep { Weight = 50 }, new TrafficStep { Weight = 100 });
        s.Decide();

        var waiting = s.Decide(seen => seen with { CandidateWeight = 50, ListenerColor = null, Comparison = Good });
        Assert.Null(waiting.Action);
        Assert.Equal("AwaitingPromotion", s.Status.PauseReason);

        var promoted = s.Decide(seen => seen with { CandidateWeight = 50, ListenerColor = null, Signal = new SignalRequest(ReleaseSignal.Promote, "rv-5", "erin") });
        Assert.Equal(new SetWeights(DeploymentColor.Green, 100), promoted.Action);
        Assert.Null(s.Status.PauseReason);
    }

    [Fact]
    public void Reaching_100_percent_is_the_cutover_and_the_bake_follows()
    {
        var s = Shifting(new TrafficStep { Weight = 100 });

        Assert.Equal(new SetWeights(DeploymentColor.Green, 100), s.Decide().Action);
        s.Decide(seen => seen with { CandidateWeight = 100, ListenerColor = DeploymentColor.Green });

        Assert.Equal(ReleasePhase.Baking, s.Status.Phase);
        Assert.Equal(DeploymentColor.Green, s.Status.ActiveColor);
        Assert.Equal("green 100%", s.Status.Traffic!.Summary);
    }

    [Fact]
    public void An_abort_during_a_step_sets_green_back_to_zero()
    {
        var s = Shifting();
        s.Decide();

        var decision = s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null, Signal = new SignalRequest(ReleaseSignal.Abort, "rv-8", "frank") });

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), decision.Action);
        Assert.Equal(ReleaseReasons.RollbackRequested, s.Status.Reason);
    }

    [Fact]
    public void An_abort_while_a_weight_is_being_set_is_not_lost()
    {
        var s = Shifting();
        s.Decide();
        s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null, Comparison = Good });
        s.Now += TimeSpan.FromSeconds(120);
        Assert.Equal(new SetWeights(DeploymentColor.Green, 25), s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null }).Action);

        var decision = s.Decide(seen => seen with { CandidateWeight = 5, ListenerColor = null, Signal = new SignalRequest(ReleaseSignal.Abort, "rv-11", "gina") });

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), decision.Action);
        Assert.DoesNotContain(decision.Events, e => e.Reason == "SignalIgnored");
    }

    [Fact]
    public void An_abort_before_green_got_any_traffic_is_a_plain_abort()
    {
        var s = Shifting();

        s.Decide(seen => seen with { Signal = new SignalRequest(ReleaseSignal.Abort, "rv-12", "hal") });

        Assert.Equal(ReleasePhase.Aborting, s.Status.Phase);
        Assert.Equal(ReleaseReasons.AbortRequested, s.Status.Reason);

        // Green joined the listener at weight 0: its ALB leaves its target group at once, its environment stays.
        Assert.Equal(new DeregisterAlb(DeploymentColor.Green, s.Registered[DeploymentColor.Green], CloseConnections: true), s.Decide(seen => seen with { CandidateWeight = 0 }).Action);
        s.Registered.Remove(DeploymentColor.Green);
        Assert.Null(s.Decide(seen => seen with { CandidateWeight = 0 }).Action);
        Assert.Equal(ReleasePhase.Aborting, s.Status.Phase);
    }

    [Fact]
    public void The_first_step_waits_for_a_busy_database_and_a_healthy_target()
    {
        var s = Shifting();

        Assert.Null(s.Decide(seen => seen with { DatabaseBusy = "modifying" }).Action);
        Assert.Contains("database is modifying", s.Status.Message, StringComparison.Ordinal);

        s.GreenRegistered("unhealthy");
        s.Decide();
        Assert.Equal(ReleasePhase.Verifying, s.Status.Phase);
    }

    [Fact]
    public void The_plan_lists_each_weighted_step()
    {
        var s = new ReleaseScenario().BlueServes();
        s.Spec.Strategy.Cutover = CutoverMethod.NlbWeighted;
        s.Spec.Strategy.Steps = [new() { Weight = 10, PauseSeconds = 60 }, new() { Weight = 100 }];

        s.Decide();

        Assert.Contains("elasticloadbalancing:ModifyListener forward green 10% / blue 90%, watch 60s", s.Status.Plan!.Select(p => p.Step));
        Assert.Contains("elasticloadbalancing:ModifyListener forward green 100% / blue 0%, wait for promote", s.Status.Plan!.Select(p => p.Step));
    }
}
