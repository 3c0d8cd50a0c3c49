using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleasePlannerGateTests
{
    private static ReleaseScenario Verifying() =>
        new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Verifying).GreenIs("Ready").GreenRegistered();

    [Fact]
    public void Three_passing_rounds_pass_the_gate_and_auto_promotion_cuts_over_at_once()
    {
        var s = Verifying();

        for (var round = 1; round <= 2; round++)
        {
            var decision = s.Decide(seen => seen with { GateRound = Passing() });
            Assert.Null(decision.Action);
            Assert.Equal($"{round}/3", s.Status.Gate!.Summary);
            Assert.Equal(TimeSpan.FromSeconds(15), decision.RequeueAfter);
            s.Now += TimeSpan.FromSeconds(15);
        }

        var last = s.Decide(seen => seen with { GateRound = Passing() });

        Assert.Equal(new SwitchListener(DeploymentColor.Green), last.Action);
        Assert.Equal(ReleasePhase.CuttingOver, s.Status.Phase);
        Assert.Equal("auto", s.Status.PromotedBy);
        Assert.True(s.Status.Gate!.Passed);
        Assert.Equal([ReleasePhase.ProvisioningGreen, ReleasePhase.AwaitingPromotion, ReleasePhase.CuttingOver], s.Status.Phases!.Select(p => p.Phase));
    }

    [Fact]
    public void Failed_rounds_up_to_the_limit_abort_with_the_evidence()
    {
        var s = Verifying();

        s.Decide(seen => seen with { GateRound = Failing() });
        s.Decide(seen => seen with { GateRound = Passing() });
        Assert.Equal("1/3 (1 failed)", s.Status.Gate!.Summary);
        s.Decide(seen => seen with { GateRound = Failing() });
        var decision = s.Decide(seen => seen with { GateRound = Failing("health Degraded, 1/2 instances Ok") });

        Assert.Equal(ReleasePhase.Aborting, s.Status.Phase);
        Assert.Equal(ReleaseReasons.GateFailed, s.Status.Reason);
        Assert.Contains("eb-health: health Degraded, 1/2 instances Ok", s.Status.Message, StringComparison.Ordinal);

        // Green's ALB leaves its target group at once; green itself is kept for its retention.
        Assert.Equal(new DeregisterAlb(DeploymentColor.Green, s.Registered[DeploymentColor.Green], CloseConnections: true), decision.Action);
    }

    [Fact]
    public void An_inconclusive_round_neither_counts_nor_breaks_the_streak()
    {
        var s = Verifying();

        s.Decide(seen => seen with { GateRound = Passing() });
        s.Decide(seen => seen with { GateRound = [new("eb-health", GateCheckPhase.Inconclusive, "throttled"), new("target-health", GateCheckPhase.Successful, "healthy")] });

        Assert.Equal(1, s.Status.Gate!.ConsecutiveSuccesses);
        Assert.Equal(0, s.Status.Gate.Failures);
    }

    [Fact]
    public void Manual_promotion_waits_then_the_promote_signal_cuts_over()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered();
        s.Spec.Strategy.AutoPromotion = false;

        var waiting = s.Decide();
        Assert.Null(waiting.Action);
        Assert.Equal("AwaitingPromotion", s.Status.PauseReason);

        var promoted = s.Decide(seen => seen with { Signal = new SignalRequest(ReleaseSignal.Promote, "rv-7", "dave") });

        Assert.Equal(new SwitchListener(DeploymentColor.Green), promoted.Action);
        Assert.Equal("dave", s.Status.PromotedBy);
        Assert.Null(s.Status.PauseReason);
    }

    [Fact]
    public void Auto_promotion_after_a_delay_and_the_promotion_deadline()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered();
        s.Spec.Strategy.AutoPromotionSeconds = 120;
        s.Status.Gate!.LastRoundAt = s.Now;

        var waiting = s.Decide();
        Assert.Null(waiting.Action);
        Assert.Equal(TimeSpan.FromSeconds(15), waiting.RequeueAfter);
        s.Now += TimeSpan.FromSeconds(120);
        Assert.IsType<SwitchListener>(s.Decide().Action);

        var manual = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered();
        manual.Spec.Strategy.AutoPromotion = false;
        manual.Spec.Strategy.PromotionDeadlineSeconds = 3600;
        manual.Now += TimeSpan.FromHours(1);
        manual.Decide();
        Assert.Equal(ReleasePhase.Aborting, manual.Status.Phase);
        Assert.Equal(ReleaseReasons.PromotionDeadlineExceeded, manual.Status.Reason);
    }

    [Fact]
    public void No_cutover_while_the_database_is_busy()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion).GreenIs("Ready").GreenRegistered();

        var decision = s.Decide(seen => seen with { DatabaseBusy = "rebooting" });

        Assert.Null(decision.Action);
        Assert.Equal(ReleasePhase.AwaitingPromotion, s.Status.Phase);
        Assert.Equal("auto", s.Status.PromotedBy);
        Assert.Contains("database is rebooting", s.Status.Message, StringComparison.Ordinal);

        Assert.IsType<SwitchListener>(s.Decide().Action);
    }
}
