using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Whole releases through the operator, the emulator and the simulator, on a fake clock: the happy paths.</summary>
public sealed class ReleaseSuccessTests
{
    [Fact]
    public async Task A_new_version_is_released_blue_green_behind_the_nlb_and_blue_is_retired_once()
    {
        await using var world = await ReleaseWorld.StartAsync();
        var first = await world.SetUpAsync("1.0.1");
        Assert.Equal(DeploymentColor.Blue, first.Status!.ActiveColor);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(5)).Keys);
        var blueId = await world.EnvironmentIdAsync(DeploymentColor.Blue);
        var (blueGroup, greenGroup) = (await world.TargetGroupAsync(DeploymentColor.Blue), await world.TargetGroupAsync(DeploymentColor.Green));

        await world.SetVersionAsync("1.0.2");
        var baking = await world.UntilPhaseAsync(ReleasePhase.Baking);
        Assert.Equal(["1.0.2"], (await world.RequestsAsync(5)).Keys);
        Assert.Equal(DeploymentColor.Green, baking.Status!.ActiveColor);
        Assert.Equal(2, baking.Status.ExtraCapacity!.Instances);
        Assert.Equal("0.0416", baking.Status.ExtraCapacity.HourlyCost);
        var done = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 is released");

        var status = done.Status!;
        Assert.Equal((ReleasePhase.Succeeded, DeploymentColor.Green, "1.0.2", null), (status.Phase, status.ActiveColor, status.StableVersion, status.CandidateVersion));
        Assert.Equal(["1.0.2", "1.0.1"], status.History!.Select(h => h.Version));
        Assert.All(status.History!, h => Assert.Equal(ReleaseOutcome.Succeeded, h.Outcome));
        Assert.Equal("auto", status.History![0].PromotedBy);
        Assert.Equal([ReleasePhase.ProvisioningGreen, ReleasePhase.Verifying, ReleasePhase.AwaitingPromotion, ReleasePhase.CuttingOver, ReleasePhase.Baking,
            ReleasePhase.RetiringBlue, ReleasePhase.Succeeded], status.Phases!.Select(p => p.Phase));
        Assert.All(status.Plan!, p => Assert.Equal(PlanStepState.Done, p.State));
        Assert.Null(status.ExtraCapacity);
        Assert.Equal("3/3", status.Gate!.Summary);

        // Green was created once, with blue's two instances as its floor; blue was terminated once.
        var created = Assert.Single(world.Succeeded(Eb, "CreateEnvironment", c => c.Parameter("EnvironmentName") == "myapp-green"));
        Assert.Contains(created.Parameters, p => p.Value == "MinSize");
        Assert.Single(world.Succeeded(Eb, "TerminateEnvironment", c => c.Parameter("EnvironmentId") == blueId));
        // The listener: green's group joined at weight 0 (health-checked, no traffic), then took every new connection.
        var forwards = world.Succeeded(Elb, "ModifyListener").Select(c => c.Forward()).ToList();
        Assert.Equal(2, forwards.Count);
        Assert.Equal((100, 0), (forwards[0][blueGroup], forwards[0][greenGroup]));
        Assert.Equal((0, 100), (forwards[1][blueGroup], forwards[1][greenGroup]));
        // Blue left the NLB's target group when its rollback window (minSeconds 120) closed, which ends the NLB's health
        // checks through its ALB; it drained and was terminated before maxSeconds (600) forced it.
        var cutover = world.Succeeded(Elb, "ModifyListener")[1].Time;
        var deregistered = Assert.Single(world.Succeeded(Elb, "DeregisterTargets")).Time - cutover;
        var terminated = world.Succeeded(Eb, "TerminateEnvironment", c => c.Parameter("EnvironmentId") == blueId)[0].Time - cutover;
        Assert.InRange(deregistered, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(130));
        Assert.True(terminated < TimeSpan.FromSeconds(600), $"blue terminated {terminated} after the cut-over: it never drained");

        var app = await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App);
        Assert.Equal(DeploymentColor.Green, app.Status!.ActiveColor);
        var frontend = await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(ReleaseSamples.Frontend);
        Assert.Equal((DeploymentColor.Blue, DeploymentColor.Green), (frontend.Status!.LastSwitch!.From, frontend.Status.LastSwitch.To));
        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Synced), "the NlbFrontend sees no hand edit in the release's switches");
        Assert.Equal(["1.0.2"], (await world.RequestsAsync(5)).Keys);
    }
}
