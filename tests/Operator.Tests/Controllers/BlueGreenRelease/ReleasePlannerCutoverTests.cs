using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleasePlannerCutoverTests
{
    [Fact]
    public void A_listener_already_on_green_means_the_cutover_happened()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered();

        var decision = s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green });

        Assert.Null(decision.Action);
        Assert.Equal(ReleasePhase.Baking, s.Status.Phase);
        Assert.Equal(DeploymentColor.Green, s.Status.ActiveColor);
        Assert.Equal(s.Now, s.Status.Traffic!.SwitchedAt);
        Assert.Equal(["eb-health", "target-health", "error-rate"], s.Status.Gate!.Checks!.Select(c => c.Name));
    }

    [Fact]
    public void Green_not_healthy_in_its_target_group_goes_back_to_the_gate_instead_of_switching()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered("unhealthy");

        var decision = s.Decide();

        Assert.Null(decision.Action);
        Assert.Equal(ReleasePhase.Verifying, s.Status.Phase);
        Assert.Equal(ReleaseReasons.TargetNotHealthy, s.Status.Reason);
    }

    [Fact]
    public void Cname_swap_swaps_then_sees_green_holding_the_production_cname()
    {
        var s = new ReleaseScenario().WithoutFrontend().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready");
        s.Status.Traffic = new TrafficStatus { ProductionCname = "myapp-blue.eb.example" };

        Assert.Equal(new SwapCnames("myapp-blue", "myapp-green"), s.Decide().Action);

        s.Environments[DeploymentColor.Green] = s.Environments[DeploymentColor.Green] with { Cname = "myapp-blue.eb.example" };
        s.Environments[DeploymentColor.Blue] = s.Environments[DeploymentColor.Blue] with { Cname = "myapp-green.eb.example" };
        s.Decide();

        Assert.Equal(ReleasePhase.Baking, s.Status.Phase);
    }

    [Fact]
    public void A_failed_bake_switches_back_to_blue_and_ends_rolled_back()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Baking).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Status.Gate = new GateStatus { Failures = 2 };

        var decision = s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green, GateRound = Failing("5xx 12% of 300 requests") });

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), decision.Action);
        Assert.Equal(ReleasePhase.SwitchingBack, s.Status.Phase);
        Assert.Equal(ReleaseReasons.BakeFailed, s.Status.Reason);

        // With the listener on blue, green's ALB leaves its target group so its kept-alive connections close.
        s.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(new DeregisterAlb(DeploymentColor.Green, Alb(DeploymentColor.Green), CloseConnections: true), s.Decide(seen => seen with { ListenerColor = DeploymentColor.Blue }).Action);
        Assert.Equal(ReleasePhase.SwitchingBack, s.Status.Phase);
        s.Registered.Remove(DeploymentColor.Green);
        s.Decide(seen => seen with { ListenerColor = DeploymentColor.Blue });

        Assert.Equal(ReleasePhase.RolledBack, s.Status.Phase);
        Assert.Equal(DeploymentColor.Blue, s.Status.ActiveColor);
        Assert.Equal(ReleaseOutcome.RolledBack, s.Status.History![0].Outcome);
        Assert.Equal(ReleaseReasons.BakeFailed, s.Status.History[0].Reason);
        Assert.Equal(s.Now + TimeSpan.FromSeconds(600), s.Status.PendingTermination!.NotBefore);

        s.Now += TimeSpan.FromSeconds(600);
        Assert.Equal(new TerminateEnvironment(DeploymentColor.Green, "myapp-green"), s.Decide(seen => seen with { ListenerColor = DeploymentColor.Blue }).Action);
        s.Environments.Remove(DeploymentColor.Green);
        Assert.True(s.Decide(seen => seen with { ListenerColor = DeploymentColor.Blue }).IsIdle);
        Assert.Null(s.Status.PendingTermination);
    }

    [Fact]
    public void A_bake_failure_on_the_first_release_fails_since_there_is_no_blue()
    {
        var s = new ReleaseScenario().InPhase(ReleasePhase.Baking).SwitchedToGreen(T0);
        s.Status.CandidateColor = DeploymentColor.Blue;
        s.Status.ActiveColor = DeploymentColor.Blue;
        s.Environments[DeploymentColor.Blue] = Env(DeploymentColor.Blue, "Ready", "1.0.2", 2, 2);
        s.Status.Gate = new GateStatus { Failures = 2 };

        s.Decide(seen => seen with { GateRound = Failing() });

        Assert.Equal(ReleasePhase.Failed, s.Status.Phase);
        Assert.Equal(ReleaseOutcome.Failed, s.Status.History![0].Outcome);
    }

    [Fact]
    public void Setting_the_version_back_while_blue_runs_is_an_instant_rollback()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.RetiringBlue).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Spec.Version.Label = "1.0.1";

        var decision = s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green });

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), decision.Action);
        Assert.Equal(ReleaseReasons.RollbackRequested, s.Status.Reason);
    }

    [Fact]
    public void A_passed_bake_keeps_blue_for_min_seconds_then_takes_it_out_of_the_nlb_then_waits_until_drained_then_retires_it()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Baking).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Now = T0 + TimeSpan.FromSeconds(60);

        var keep = s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green, GateRound = Passing("eb-health", "target-health", "error-rate") });
        Assert.Equal(ReleasePhase.RetiringBlue, s.Status.Phase);
        Assert.Null(keep.Action);
        Assert.Equal(TimeSpan.FromSeconds(240), keep.RequeueAfter);

        // The NLB's health checks reach blue through its ALB while it is registered: it leaves the target group first.
        s.Now = T0 + TimeSpan.FromSeconds(300);
        Assert.Equal(new DeregisterAlb(DeploymentColor.Blue, Alb(DeploymentColor.Blue), CloseConnections: false), s.Decide(seen => seen with { BlueDrained = false }).Action);
        s.Registered.Remove(DeploymentColor.Blue);
        Assert.Null(s.Decide(seen => seen with { BlueDrained = false }).Action);
        Assert.Contains("drain", s.Status.Message, StringComparison.Ordinal);

        Assert.Equal(new TerminateEnvironment(DeploymentColor.Blue, "myapp-blue"), s.Decide(seen => seen with { BlueDrained = true }).Action);
        s.Environments[DeploymentColor.Blue] = s.Environments[DeploymentColor.Blue] with { Status = "Terminated" };
        s.Decide();

        Assert.Equal(ReleasePhase.Succeeded, s.Status.Phase);
        Assert.Equal("1.0.2", s.Status.StableVersion);
        Assert.Null(s.Status.CandidateVersion);
        Assert.Equal(DeploymentColor.Green, s.Status.ActiveColor);
        Assert.Equal(ReleaseOutcome.Succeeded, s.Status.History![0].Outcome);
        Assert.Equal(300, s.Status.History[0].StartedAt is { } start ? (long)(s.Now - start).TotalSeconds : -1);
        Assert.All(s.Status.Plan ?? [], p => Assert.Equal(PlanStepState.Done, p.State));
    }

    [Fact]
    public void Blue_is_terminated_only_once_its_alb_finished_draining_out_of_the_target_group()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.RetiringBlue).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Now = T0 + TimeSpan.FromSeconds(3600);
        s.Registered.Remove(DeploymentColor.Blue);
        var draining = new Dictionary<DeploymentColor, string> { [DeploymentColor.Blue] = Alb(DeploymentColor.Blue) };

        var waiting = s.Decide(seen => seen with { DrainingAlbs = draining, ListenerColor = DeploymentColor.Green });
        Assert.Null(waiting.Action);
        Assert.Equal(ReleasePhase.RetiringBlue, s.Status.Phase);
        Assert.Contains("draining", s.Status.Message, StringComparison.Ordinal);

        Assert.Equal(new TerminateEnvironment(DeploymentColor.Blue, "myapp-blue"), s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green }).Action);
    }

    [Fact]
    public void Blue_is_retired_at_max_seconds_even_if_it_never_drains()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.RetiringBlue).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Now = T0 + TimeSpan.FromSeconds(3600);

        Assert.IsType<DeregisterAlb>(s.Decide(seen => seen with { BlueDrained = false }).Action);
    }

    [Fact]
    public void Rollback_is_refused_once_blue_left_its_target_group()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.RetiringBlue).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Now = T0 + TimeSpan.FromSeconds(400);
        s.Registered.Remove(DeploymentColor.Blue);
        var decision = s.Decide(seen => seen with
        {
            ListenerColor = DeploymentColor.Green, BlueDrained = false, Signal = new SignalRequest(ReleaseSignal.Rollback, "rv-7", "alice"),
        });

        Assert.Null(decision.Action);
        Assert.Equal(ReleasePhase.RetiringBlue, s.Status.Phase);
        Assert.Contains(decision.Events, e => e.Reason == "SignalIgnored" && e.Note.Contains("left its target group", StringComparison.Ordinal));
    }

    [Fact]
    public void Cname_swap_keeps_blue_at_least_the_dns_drain_time()
    {
        var s = new ReleaseScenario().WithoutFrontend().BlueServes().InPhase(ReleasePhase.RetiringBlue).GreenIs("Ready").SwitchedToGreen(T0);
        s.Spec.Strategy.BlueRetention.MinSeconds = 0;
        s.Now = T0 + TimeSpan.FromSeconds(300);

        Assert.Null(s.Decide(seen => seen with { BlueDrained = true }).Action);
        s.Now = T0 + TimeSpan.FromSeconds(360);
        Assert.Equal(new TerminateEnvironment(DeploymentColor.Blue, "myapp-blue"), s.Decide(seen => seen with { BlueDrained = true }).Action);
    }

    [Fact]
    public void An_aborted_green_is_kept_for_its_retention_then_removed_and_recorded()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Aborting).GreenIs("Ready").GreenRegistered();
        s.Status.Reason = ReleaseReasons.GateFailed;

        // Green's ALB leaves its target group at once (connections opened on it close); the environment stays.
        Assert.Equal(new DeregisterAlb(DeploymentColor.Green, Alb(DeploymentColor.Green), CloseConnections: true), s.Decide().Action);
        s.Registered.Remove(DeploymentColor.Green);
        Assert.Null(s.Decide().Action);
        Assert.Contains("keeping myapp-green for inspection", s.Status.Message, StringComparison.Ordinal);
        s.Now += TimeSpan.FromSeconds(600);
        Assert.IsType<TerminateEnvironment>(s.Decide().Action);
        s.Environments.Remove(DeploymentColor.Green);
        s.Decide();

        Assert.Equal(ReleasePhase.Aborted, s.Status.Phase);
        Assert.Equal(DeploymentColor.Blue, s.Status.ActiveColor);
        Assert.Equal((ReleaseOutcome.Aborted, ReleaseReasons.GateFailed), (s.Status.History![0].Outcome, s.Status.History[0].Reason));
    }

    [Fact]
    public void Switching_back_leaves_green_registered_while_the_listener_still_sends_it_connections()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.SwitchingBack).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);
        s.Status.Reason = ReleaseReasons.BakeFailed;

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green }).Action);
        Assert.Equal(new SwitchListener(DeploymentColor.Blue), s.Decide(seen => seen with { ListenerColor = null, CandidateWeight = 10 }).Action);
        Assert.Equal(ReleasePhase.SwitchingBack, s.Status.Phase);
    }

    [Fact]
    public void Switching_back_with_green_already_out_of_its_target_group_ends_rolled_back_at_once()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.SwitchingBack).GreenIs("Ready").SwitchedToGreen(T0);
        s.Status.Reason = ReleaseReasons.BakeFailed;

        Assert.Null(s.Decide(seen => seen with { ListenerColor = DeploymentColor.Blue }).Action);
        Assert.Equal(ReleasePhase.RolledBack, s.Status.Phase);
    }

    [Fact]
    public void History_keeps_the_last_ten_releases()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Aborting);
        s.Status.History = [.. Enumerable.Range(1, 10).Select(i => new ReleaseRecord { Version = $"0.{i}" })];

        s.Decide();

        Assert.Equal(10, s.Status.History.Count);
        Assert.Equal("1.0.2", s.Status.History[0].Version);
        Assert.Equal("0.9", s.Status.History[^1].Version);
    }

    [Fact]
    public void Extra_capacity_counts_the_spare_environment_and_prices_it()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Verifying).GreenIs("Ready", instances: 3).GreenRegistered();
        s.Spec.Strategy.InstanceHourlyPrice = "0.026";

        s.Decide();

        Assert.Equal(3, s.Status.ExtraCapacity!.Instances);
        Assert.Equal("0.078", s.Status.ExtraCapacity.HourlyCost);
        Assert.Equal(s.Now, s.Status.ExtraCapacity.Since);
    }
}
