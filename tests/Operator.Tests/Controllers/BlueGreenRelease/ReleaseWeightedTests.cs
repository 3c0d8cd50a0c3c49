using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;
using Bgr = Ebops.Operator.Entities.BlueGreenRelease;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>NlbWeighted: new connections shift to green step by step, green compared with blue at each step.</summary>
public sealed class ReleaseWeightedTests
{
    private const int RequestsPerStep = 6;

    private static async Task<ReleaseWorld> WeightedAsync(params TrafficStep[] steps)
    {
        var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.PatchSpecAsync(new JsonObject
        {
            ["strategy"] = new JsonObject
            {
                ["cutover"] = "NlbWeighted",
                ["steps"] = JsonNode.Parse(k8s.KubernetesJson.Serialize(steps)),
                ["analysis"] = new JsonObject { ["minRequests"] = 5, ["maxErrorPercent"] = 5, ["maxErrorPercentOverBlue"] = 1 },
            },
        });
        return world;
    }

    /// <summary>Runs until <paramref name="condition"/> with a few requests through the NLB after every clock step (the
    /// comparison reads EB's request metrics of the last window), counting who answered.</summary>
    private static Task<Bgr> UnderLoadAsync(ReleaseWorld world, Dictionary<string, int> answers, Func<Bgr, bool> condition, string what) =>
        world.UntilAsync(condition, TimeSpan.FromHours(1), what, async () =>
        {
            foreach (var (version, count) in await world.RequestsAsync(RequestsPerStep))
            {
                answers[version] = answers.GetValueOrDefault(version) + count;
            }
        });

    [Fact]
    public async Task All_steps_pass_then_green_has_every_connection_and_blue_is_retired()
    {
        await using var world = await WeightedAsync(new() { Weight = 25, PauseSeconds = 60 }, new() { Weight = 50, PauseSeconds = 60 }, new() { Weight = 100 });
        await world.SetVersionAsync("1.0.2");
        await world.UntilAsync(r => r.Status?.Traffic?.GreenWeight == 25, TimeSpan.FromHours(1), "green at 25%");

        var atQuarter = new Dictionary<string, int>();
        await UnderLoadAsync(world, atQuarter, r => r.Status?.Traffic?.GreenWeight == 50, "green at 50%");
        var done = await UnderLoadAsync(world, [], r => IsReady(r, "1.0.2"), "1.0.2 is released");

        var share = 100.0 * atQuarter.GetValueOrDefault("1.0.2") / atQuarter.Values.Sum();
        Assert.InRange(share, 10, 45);
        Assert.Equal(["1.0.1", "1.0.2"], atQuarter.Keys.Order());
        var traffic = done.Status!.Traffic!;
        Assert.Equal([25, 50, 100], traffic.Steps!.Select(s => s.Weight));
        Assert.All(traffic.Steps!.Take(2), s => Assert.True(s.Passed));
        Assert.All(traffic.Steps!, s => Assert.NotNull(s.StartedAt));
        Assert.Contains("green 5xx 0%", traffic.Steps![0].Analysis, StringComparison.Ordinal);
        Assert.Equal(DeploymentColor.Green, done.Status.ActiveColor);
        Assert.Equal(["1.0.2"], (await world.RequestsAsync(5)).Keys);
        Assert.Single(world.Succeeded(Eb, "TerminateEnvironment"));
    }

    [Fact]
    public async Task A_failed_comparison_at_25_percent_puts_green_back_to_0_and_ends_rolled_back()
    {
        await using var world = await WeightedAsync(new() { Weight = 25, PauseSeconds = 300 }, new() { Weight = 100 });
        await world.SetVersionAsync("1.0.2");
        await world.UntilAsync(r => r.Status?.Traffic?.GreenWeight == 25, TimeSpan.FromHours(1), "green at 25%");
        world.Sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);

        var rolledBack = await UnderLoadAsync(world, [], r => r.Status?.Phase == ReleasePhase.RolledBack, "rolled back");

        var status = rolledBack.Status!;
        Assert.Equal((ReleaseReasons.AnalysisFailed, DeploymentColor.Blue), (status.History![0].Reason, status.ActiveColor));
        Assert.Equal(("blue 100%", 0), (status.Traffic!.Summary, status.Traffic.GreenWeight));
        var step = Assert.Single(status.Traffic.Steps!);
        Assert.False(step.Passed);
        Assert.Contains("green's 5xx share is above 5%", step.Analysis, StringComparison.Ordinal);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(10)).Keys);
    }

    [Fact]
    public async Task A_step_without_a_pause_waits_for_promote()
    {
        await using var world = await WeightedAsync(new() { Weight = 25, PauseSeconds = 30 }, new() { Weight = 50 }, new() { Weight = 100 });
        await world.SetVersionAsync("1.0.2");
        await UnderLoadAsync(world, [], r => r.Status?.Traffic?.GreenWeight == 50, "green at 50%");

        await world.RunForAsync(TimeSpan.FromMinutes(20));
        var waiting = await world.CurrentAsync();
        Assert.Equal((2, 50, "AwaitingPromotion"), (waiting.Status!.Traffic!.Step, waiting.Status.Traffic.GreenWeight, waiting.Status.PauseReason));
        Assert.Equal("green 50%", waiting.Status.Traffic.Summary);

        await world.SignalAsync("promote", "erin");
        var done = await UnderLoadAsync(world, [], r => IsReady(r, "1.0.2"), "1.0.2 is released after the promote");
        Assert.Equal(100, done.Status!.Traffic!.GreenWeight);
        Assert.True(Conditions.IsTrue(done.Status, ConditionTypes.Ready));
    }

    [Fact]
    public async Task The_next_release_goes_through_every_step_again()
    {
        await using var world = await WeightedAsync(new() { Weight = 25, PauseSeconds = 60 }, new() { Weight = 100 });
        await world.SetVersionAsync("1.0.2");
        await UnderLoadAsync(world, [], r => IsReady(r, "1.0.2"), "1.0.2 is released");

        await world.SetVersionAsync("1.0.3");
        var quarter = await UnderLoadAsync(world, [], r => r.Status?.CandidateVersion == "1.0.3" && r.Status.Traffic?.GreenWeight == 25, "1.0.3 at 25%");
        var done = await UnderLoadAsync(world, [], r => IsReady(r, "1.0.3"), "1.0.3 is released");

        // The second release's own steps: the first release's progress (step 2 of 2) must not carry over.
        var started = quarter.Status!.StartedAt!.Value;
        var steps = done.Status!.Traffic!.Steps!;
        Assert.Equal([25, 100], steps.Select(s => s.Weight));
        Assert.All(steps, s => Assert.True(s.StartedAt >= started, $"step at {s.Weight}% started {s.StartedAt:O}, before the release ({started:O})"));
        Assert.True(steps[0].Passed);
        Assert.Equal(2, world.Succeeded(Elb, "ModifyListener", c => c.Forward().Any(f => f.Value == 25)).Count);
    }
}
