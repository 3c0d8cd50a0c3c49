using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Deleting a release: what serves stays, what the release created besides it goes.</summary>
public sealed class ReleasePlannerFinalizeTests
{
    [Fact]
    public void Mid_verification_green_leaves_its_target_group_and_is_terminated_while_blue_keeps_serving()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Verifying).GreenIs("Ready").GreenRegistered();

        Assert.Equal(new DeregisterAlb(DeploymentColor.Green, Alb(DeploymentColor.Green)), s.Finalize().Action);
        s.Registered.Remove(DeploymentColor.Green);
        Assert.Equal(new TerminateEnvironment(DeploymentColor.Green, "myapp-green"), s.Finalize().Action);
        s.Environments[DeploymentColor.Green] = s.Environments[DeploymentColor.Green] with { Status = "Terminating" };
        var waiting = s.Finalize();
        Assert.Null(waiting.Action);
        Assert.NotNull(waiting.RequeueAfter);
        s.Environments.Remove(DeploymentColor.Green);

        var done = s.Finalize();

        Assert.Null(done.Action);
        Assert.Null(done.RequeueAfter);
        Assert.Equal(DeploymentColor.Blue, s.Status.ActiveColor);
        Assert.Contains("myapp-blue keeps serving", s.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weighted_shift_in_progress_is_put_back_on_blue_first()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered();

        Assert.Equal(new SwitchListener(DeploymentColor.Blue), s.Finalize(seen => seen with { ListenerColor = null, CandidateWeight = 25 }).Action);
        Assert.IsType<DeregisterAlb>(s.Finalize().Action);
    }

    [Fact]
    public void After_the_cut_over_green_serves_and_the_old_blue_is_removed()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Baking).GreenIs("Ready").GreenRegistered().SwitchedToGreen(T0);

        Assert.Equal(new DeregisterAlb(DeploymentColor.Blue, Alb(DeploymentColor.Blue)), s.Finalize(seen => seen with { ListenerColor = DeploymentColor.Green }).Action);
    }

    [Fact]
    public void A_listener_already_on_green_that_the_status_did_not_record_yet_counts_as_green_serving()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready").GreenRegistered();

        var decision = s.Finalize(seen => seen with { ListenerColor = DeploymentColor.Green });

        Assert.Equal(new DeregisterAlb(DeploymentColor.Blue, Alb(DeploymentColor.Blue)), decision.Action);
        Assert.Equal(DeploymentColor.Green, s.Status.ActiveColor);
    }

    [Fact]
    public void A_cname_swap_already_made_counts_as_green_serving()
    {
        var s = new ReleaseScenario().WithoutFrontend().BlueServes().InPhase(ReleasePhase.CuttingOver).GreenIs("Ready");
        s.Status.Traffic = new TrafficStatus { ProductionCname = "myapp-blue.eb.example" };
        s.Environments[DeploymentColor.Green] = s.Environments[DeploymentColor.Green] with { Cname = "myapp-blue.eb.example" };
        s.Environments[DeploymentColor.Blue] = s.Environments[DeploymentColor.Blue] with { Cname = "myapp-green.eb.example" };

        Assert.Equal(new TerminateEnvironment(DeploymentColor.Blue, "myapp-blue"), s.Finalize().Action);
    }

    [Fact]
    public void An_environment_the_release_did_not_create_is_never_touched()
    {
        var s = new ReleaseScenario().BlueServes();
        s.Environments[DeploymentColor.Green] = Env(DeploymentColor.Green, "Ready", "0.9", null, 2);

        var decision = s.Finalize();

        Assert.Null(decision.Action);
        Assert.Null(decision.RequeueAfter);
    }

    [Fact]
    public void A_first_release_that_never_cut_over_removes_its_environment()
    {
        var s = new ReleaseScenario().InPhase(ReleasePhase.Verifying);
        s.Status.CandidateColor = DeploymentColor.Blue;
        s.Environments[DeploymentColor.Blue] = Env(DeploymentColor.Blue, "Ready", "1.0.2", 2, 2);

        Assert.Equal(new TerminateEnvironment(DeploymentColor.Blue, "myapp-blue"), s.Finalize(seen => seen with { ListenerColor = DeploymentColor.Blue }).Action);
    }

    [Fact]
    public void A_draining_alb_is_waited_for_before_its_environment_is_terminated()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Aborting).GreenIs("Ready");

        var decision = s.Finalize(seen => seen with { DrainingAlbs = new Dictionary<DeploymentColor, string> { [DeploymentColor.Green] = Alb(DeploymentColor.Green) } });

        Assert.Null(decision.Action);
        Assert.Contains("draining", s.Status.Message, StringComparison.Ordinal);
    }
}
