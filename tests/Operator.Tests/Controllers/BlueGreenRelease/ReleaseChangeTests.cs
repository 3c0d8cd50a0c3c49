using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>What users change mid-release: the version (back, or forward again), a dry run, deleting the release.</summary>
public sealed class ReleaseChangeTests
{
    [Fact]
    public async Task Setting_the_version_back_while_blue_still_runs_switches_back_at_once_without_provisioning()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.RetiringBlue);
        var creates = world.Succeeded(Eb, "CreateEnvironment").Count;

        await world.SetVersionAsync("1.0.1");
        var back = await world.UntilPhaseAsync(ReleasePhase.RolledBack, TimeSpan.FromMinutes(2));

        Assert.Equal(creates, world.Succeeded(Eb, "CreateEnvironment").Count);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);
        Assert.Equal((ReleaseOutcome.RolledBack, ReleaseReasons.RollbackRequested), (back.Status!.History![0].Outcome, back.Status.History[0].Reason));
        Assert.True(Conditions.IsTrue(back.Status, ConditionTypes.Ready), "spec.version serves again");
    }

    [Fact]
    public async Task A_new_version_before_the_cut_over_abandons_the_current_green_and_releases_the_newest()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Verifying);

        await world.SetVersionAsync("1.0.3");
        var done = await world.UntilAsync(r => IsReady(r, "1.0.3"), TimeSpan.FromHours(1), "1.0.3 is released");

        Assert.Equal([("1.0.3", ReleaseOutcome.Succeeded, ReleaseReasons.Released), ("1.0.2", ReleaseOutcome.Aborted, ReleaseReasons.Superseded)],
            done.Status!.History!.Take(2).Select(h => (h.Version, h.Outcome, h.Reason!)));
        Assert.Equal(DeploymentColor.Green, done.Status.ActiveColor);
        var calls = world.Sim.Calls.All;
        var green = calls.Where(c => c.Succeeded && c.Action is "CreateEnvironment" or "TerminateEnvironment" && c.Parameter("EnvironmentName") is null or "myapp-green")
            .Select(c => c.Action + " " + c.Parameter("VersionLabel")).ToList();
        // 1.0.2's green is terminated before 1.0.3's is created in the same slot; the last terminate retires blue.
        Assert.Equal(["CreateEnvironment 1.0.2", "TerminateEnvironment ", "CreateEnvironment 1.0.3", "TerminateEnvironment "], green);
        Assert.Equal(["1.0.3"], (await world.RequestsAsync(3)).Keys);
    }

    [Fact]
    public async Task A_new_version_after_the_cut_over_waits_for_the_current_release_to_finish()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", r => r.Spec.Strategy.BakeSeconds = 300);
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Baking);

        await world.SetVersionAsync("1.0.3");
        var done = await world.UntilAsync(r => IsReady(r, "1.0.3"), TimeSpan.FromHours(2), "1.0.3 is released");

        Assert.Equal(["1.0.3", "1.0.2", "1.0.1"], done.Status!.History!.Select(h => h.Version));
        Assert.All(done.Status.History!, h => Assert.Equal(ReleaseOutcome.Succeeded, h.Outcome));
        Assert.Equal(DeploymentColor.Blue, done.Status.ActiveColor);
        Assert.Equal(["1.0.3"], (await world.RequestsAsync(3)).Keys);
    }

    [Fact]
    public async Task A_dry_run_publishes_the_plan_and_writes_nothing_to_aws()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        world.PutBundle("1.0.2");
        var writes = world.Mutations().Count;

        await world.PatchSpecAsync(new JsonObject { ["dryRun"] = true, ["version"] = JsonNode.Parse(k8s.KubernetesJson.Serialize(ReleaseSamples.Version("1.0.2"))) });
        var planned = await world.UntilAsync(r => r.Status?.Reason == ReleaseReasons.DryRun, TimeSpan.FromMinutes(5), "the dry run's plan");
        await world.RunForAsync(TimeSpan.FromMinutes(20));

        Assert.Equal(writes, world.Mutations().Count);
        var plan = planned.Status!.Plan!.Select(p => p.Step).ToList();
        Assert.Contains(plan, s => s.Contains("CreateApplicationVersion myapp 1.0.2", StringComparison.Ordinal));
        Assert.Contains(plan, s => s.Contains("CreateEnvironment myapp-green", StringComparison.Ordinal) && s.Contains("min 2 instances", StringComparison.Ordinal));
        Assert.Contains(plan, s => s.Contains("TerminateEnvironment myapp-blue", StringComparison.Ordinal));
        Assert.All(planned.Status.Plan!, p => Assert.Equal(PlanStepState.Pending, p.State));
        var current = await world.CurrentAsync();
        Assert.Equal((ReleasePhase.Succeeded, "1.0.1"), (current.Status!.Phase, current.Status.StableVersion));
        Assert.Equal(ReleaseReasons.DryRun, Conditions.Find(current.Status, ConditionTypes.Ready)!.Reason);

        await world.PatchSpecAsync(new JsonObject { ["dryRun"] = false });
        await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 is released once the dry run is off");
    }

    [Fact]
    public async Task Deleting_a_release_mid_flight_removes_green_and_leaves_blue_serving()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        var blueId = await world.EnvironmentIdAsync(DeploymentColor.Blue);
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Verifying);

        await world.DeleteAsync<Ebops.Operator.Entities.BlueGreenRelease>(ReleaseSamples.Release);
        await world.RunUntilAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App,
            a => a.Status?.Environments?.Any(e => e.Color == DeploymentColor.Green) != true, TimeSpan.FromHours(1), "green is gone");

        Assert.Null(await world.FindAsync<Ebops.Operator.Entities.BlueGreenRelease>(ReleaseSamples.Release));
        var terminated = Assert.Single(world.Succeeded(Eb, "TerminateEnvironment"));
        Assert.NotEqual(blueId, terminated.Parameter("EnvironmentId"));
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);
    }
}
