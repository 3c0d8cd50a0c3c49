using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleasePlannerProvisioningTests
{
    private static ReleaseScenario Provisioning() => new ReleaseScenario().BlueServes().InPhase(ReleasePhase.ProvisioningGreen);

    [Fact]
    public void Waits_for_the_app_and_the_frontend_without_acting()
    {
        var s = Provisioning();

        var app = s.Decide(seen => seen with { AppReady = false });
        Assert.Null(app.Action);
        Assert.Equal(Timings.Dependency, app.RequeueAfter);
        Assert.Contains("BeanstalkApp myapp", s.Status.Message, StringComparison.Ordinal);

        var frontend = s.Decide(seen => seen with { FrontendReady = false });
        Assert.Null(frontend.Action);
        Assert.Contains("NlbFrontend myapp-nlb (spec.frontendRef) to be Ready", s.Status.Message, StringComparison.Ordinal);

        var missing = s.Decide(seen => seen with { FrontendReady = false, FrontendExists = false });
        Assert.Null(missing.Action);
        Assert.Contains("NlbFrontend myapp-nlb (spec.frontendRef): it does not exist", s.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Waits_while_green_launches()
    {
        var s = Provisioning().GreenIs("Launching");

        var decision = s.Decide();

        Assert.Null(decision.Action);
        Assert.Equal(Timings.Busy, decision.RequeueAfter);
        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);
    }

    [Fact]
    public void A_leftover_green_of_an_earlier_release_is_terminated_first()
    {
        var s = Provisioning().GreenIs("Ready", release: 1, version: "0.9");

        Assert.Equal(new TerminateEnvironment(DeploymentColor.Green, "myapp-green"), s.Decide().Action);

        s.GreenIs("Terminating", release: 1, version: "0.9");
        Assert.Null(s.Decide().Action);
    }

    [Fact]
    public void A_registered_green_joins_the_listener_at_weight_0_when_its_group_is_not_forwarded_to_so_aws_health_checks_it()
    {
        var s = Provisioning().GreenIs("Ready").GreenRegistered("unused");

        var decision = s.Decide(seen => seen with { CandidateWeight = null });

        Assert.Equal(new SetWeights(DeploymentColor.Green, 0), decision.Action);
        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);

        s.Decide(seen => seen with { CandidateWeight = 0 });
        Assert.Equal(ReleasePhase.Verifying, s.Status.Phase);
    }

    [Fact]
    public void Green_joins_its_target_group_only_once_a_previous_alb_finished_draining_out_of_it()
    {
        var s = Provisioning().GreenIs("Ready");
        var old = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/old/9";

        var waiting = s.Decide(seen => seen with { DrainingAlbs = new Dictionary<DeploymentColor, string> { [DeploymentColor.Green] = old } });
        Assert.Null(waiting.Action);
        Assert.Contains("draining", s.Status.Message, StringComparison.Ordinal);

        Assert.Equal(new RegisterAlb(DeploymentColor.Green, Alb(DeploymentColor.Green)), s.Decide().Action);
    }

    [Fact]
    public void A_green_slot_taken_by_an_unmanaged_environment_stalls_and_is_not_touched()
    {
        var s = Provisioning().GreenIs("Ready", release: 0, version: "hand-made");
        s.Environments[DeploymentColor.Green] = s.Environments[DeploymentColor.Green] with { ReleaseNumber = null };

        var decision = s.Decide();

        Assert.Null(decision.Action);
        Assert.Equal(ReleaseReasons.EnvironmentConflict, decision.Stall!.Reason);
    }

    [Fact]
    public void A_ready_green_has_its_alb_registered_then_the_gate_starts()
    {
        var s = Provisioning().GreenIs("Ready");

        Assert.Equal(new RegisterAlb(DeploymentColor.Green, Alb(DeploymentColor.Green)), s.Decide().Action);

        s.GreenRegistered("initial");
        var decision = s.Decide();
        Assert.Null(decision.Action);
        Assert.Equal(ReleasePhase.Verifying, s.Status.Phase);
        Assert.Equal("0/3", s.Status.Gate!.Summary);
    }

    [Fact]
    public void Without_a_frontend_green_goes_to_the_gate_as_soon_as_it_is_ready()
    {
        var s = new ReleaseScenario().WithoutFrontend().BlueServes().InPhase(ReleasePhase.ProvisioningGreen).GreenIs("Ready");

        s.Decide();

        Assert.Equal(ReleasePhase.Verifying, s.Status.Phase);
    }

    [Fact]
    public void The_progress_deadline_aborts_and_keeps_green_for_inspection()
    {
        var s = Provisioning().GreenIs("Launching");
        s.Now = T0 + TimeSpan.FromSeconds(1800);

        var decision = s.Decide();

        Assert.Equal(ReleasePhase.Aborting, s.Status.Phase);
        Assert.Equal(ReleaseReasons.ProgressDeadlineExceeded, s.Status.Reason);
        Assert.Null(decision.Action);
        Assert.Equal(Timings.Poll, decision.RequeueAfter);
        Assert.Contains(decision.Events, e => e.Type == "Warning" && e.Reason == ReleaseReasons.ProgressDeadlineExceeded);
    }

    [Fact]
    public void A_new_version_before_the_cutover_supersedes_green_at_once_then_starts_over()
    {
        var s = Provisioning().GreenIs("Ready");
        s.Spec.Version.Label = "1.0.3";

        Assert.Equal(new TerminateEnvironment(DeploymentColor.Green, "myapp-green"), s.Decide().Action);
        Assert.Equal(ReleasePhase.Aborting, s.Status.Phase);
        Assert.Equal(ReleaseReasons.Superseded, s.Status.Reason);

        s.Environments.Remove(DeploymentColor.Green);
        var decision = s.Decide();

        Assert.Equal(ReleaseOutcome.Aborted, s.Status.History![0].Outcome);
        Assert.Equal(ReleaseReasons.Superseded, s.Status.History[0].Reason);
        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);
        Assert.Equal(3, s.Status.ReleaseNumber);
        Assert.Equal(new CreateEnvironment(DeploymentColor.Green, "myapp-green", "1.0.3", 2, 3), decision.Action);
    }

    [Fact]
    public void An_abort_signal_aborts_before_the_cutover()
    {
        var s = Provisioning().GreenIs("Launching");

        s.Decide(seen => seen with { Signal = new SignalRequest(ReleaseSignal.Abort, "rv-3", "carol") });

        Assert.Equal(ReleasePhase.Aborting, s.Status.Phase);
        Assert.Equal(ReleaseReasons.AbortRequested, s.Status.Reason);
        Assert.Contains("carol", s.Status.Message, StringComparison.Ordinal);
    }
}
