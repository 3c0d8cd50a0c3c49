using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Releases that must not go through: a green that fails its gate or its bake, and each deadline.</summary>
public sealed class ReleaseFailureTests
{
    [Fact]
    public async Task A_green_failing_its_gate_is_aborted_blue_keeps_serving_and_green_is_removed_after_its_retention()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        world.Sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);

        await world.SetVersionAsync("1.0.2");
        var aborting = await world.UntilPhaseAsync(ReleasePhase.Aborting);

        Assert.Equal(ReleaseReasons.GateFailed, aborting.Status!.Reason);
        Assert.Contains(aborting.Status.Gate!.Checks!, c => c.Phase == GateCheckPhase.Failed && c.Message!.Contains("Severe", StringComparison.Ordinal));
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(5)).Keys);
        var abortedAt = world.Clock.GetUtcNow();
        await world.RunForAsync(TimeSpan.FromSeconds(290));
        Assert.Equal(ReleasePhase.Aborting, (await world.CurrentAsync()).Status!.Phase);
        Assert.Empty(world.Succeeded(Eb, "TerminateEnvironment"));

        var aborted = await world.UntilPhaseAsync(ReleasePhase.Aborted);

        Assert.True(world.Clock.GetUtcNow() - abortedAt >= TimeSpan.FromSeconds(300), "green was kept for abortGreenRetentionSeconds");
        Assert.Single(world.Succeeded(Eb, "TerminateEnvironment"));
        Assert.Equal((DeploymentColor.Blue, "1.0.1"), (aborted.Status!.ActiveColor, aborted.Status.StableVersion));
        Assert.Equal((ReleaseOutcome.Aborted, ReleaseReasons.GateFailed), (aborted.Status.History![0].Outcome, aborted.Status.History[0].Reason));
        Assert.False(Conditions.IsTrue(aborted.Status, ConditionTypes.Ready));
        Assert.Equal(ReleaseReasons.GateFailed, Conditions.Find(aborted.Status, ConditionTypes.Ready)!.Reason);
        // Traffic never moved: every forward set during the release gave green nothing.
        var green = await world.TargetGroupAsync(DeploymentColor.Green);
        Assert.All(world.Succeeded(Elb, "ModifyListener"), c => Assert.Equal(0, c.Forward().GetValueOrDefault(green)));
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(5)).Keys);

        // The aborted version does not start again by itself; a new version does.
        await world.RunForAsync(TimeSpan.FromMinutes(10));
        Assert.Single(world.Succeeded(Eb, "CreateEnvironment", c => c.Parameter("EnvironmentName") == "myapp-green"));
        world.Sim.Faults.FixVersion("1.0.2");
        await world.SetVersionAsync("1.0.3");
        await world.UntilAsync(r => IsReady(r, "1.0.3"), TimeSpan.FromHours(1), "1.0.3 is released");
    }

    [Fact]
    public async Task A_green_failing_its_bake_is_switched_back_to_blue_at_once_and_ends_rolled_back()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", r => r.Spec.Strategy.BakeSeconds = 600);

        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Baking);
        Assert.Equal(["1.0.2"], (await world.RequestsAsync(3)).Keys);
        world.Sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);
        var rolledBack = await world.UntilPhaseAsync(ReleasePhase.RolledBack);

        Assert.Equal(["1.0.1"], (await world.RequestsAsync(5)).Keys);
        var status = rolledBack.Status!;
        Assert.Equal((DeploymentColor.Blue, "1.0.1"), (status.ActiveColor, status.StableVersion));
        Assert.Equal((ReleaseOutcome.RolledBack, ReleaseReasons.BakeFailed), (status.History![0].Outcome, status.History[0].Reason));
        Assert.Contains("failed its bake", status.Phases!.Single(p => p.Phase == ReleasePhase.SwitchingBack).Message, StringComparison.Ordinal);
        Assert.Equal(ReleaseReasons.BakeFailed, Conditions.Find(status, ConditionTypes.Ready)!.Reason);
        Assert.Equal(DeploymentColor.Green, status.PendingTermination!.Color);
        Assert.Empty(world.Succeeded(Eb, "TerminateEnvironment"));

        await world.UntilAsync(r => r.Status?.PendingTermination is null, TimeSpan.FromHours(1), "green is terminated after its retention");
        Assert.Single(world.Succeeded(Eb, "TerminateEnvironment"));
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);
    }

    [Fact]
    public async Task A_release_not_verified_within_its_progress_deadline_is_aborted()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.PatchSpecAsync(new JsonObject { ["strategy"] = new JsonObject { ["progressDeadlineSeconds"] = 120 } });

        // An environment takes four minutes to launch: two is not enough.
        await world.SetVersionAsync("1.0.2");
        var aborting = await world.UntilPhaseAsync(ReleasePhase.Aborting);

        Assert.Equal(ReleaseReasons.ProgressDeadlineExceeded, aborting.Status!.Reason);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);
        var aborted = await world.UntilPhaseAsync(ReleasePhase.Aborted);
        Assert.Equal(ReleaseReasons.ProgressDeadlineExceeded, aborted.Status!.History![0].Reason);
    }

    [Fact]
    public async Task A_manual_release_not_promoted_within_its_promotion_deadline_is_aborted()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.PatchSpecAsync(new JsonObject { ["strategy"] = new JsonObject { ["autoPromotion"] = false, ["promotionDeadlineSeconds"] = 600 } });

        await world.SetVersionAsync("1.0.2");
        var waiting = await world.UntilPhaseAsync(ReleasePhase.AwaitingPromotion);
        var since = waiting.Status!.PhaseSince!.Value;
        var aborting = await world.UntilPhaseAsync(ReleasePhase.Aborting);

        Assert.Equal(ReleaseReasons.PromotionDeadlineExceeded, aborting.Status!.Reason);
        Assert.True(aborting.Status.PhaseSince!.Value - since >= TimeSpan.FromSeconds(600));
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);
    }
}
