using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>
/// The operator dies at every point of a release where it could hurt (right after each mutating AWS call, right after
/// each phase is stored) and a new operator process is started on the same cluster and AWS: every time the release
/// completes, green is created once, blue is terminated once, and no listener change ever gave connections to a target
/// that was not healthy (all from the simulator's call log). The points come from the same release without a crash.
/// </summary>
public sealed class ReleaseCrashTests
{
    [Fact]
    public async Task An_nlb_switch_release_survives_a_crash_at_every_phase_boundary_and_after_every_mutating_aws_call()
    {
        var sweep = await CrashPlan.SweepAsync(crashAt => ReleaseAsync(crashAt, CutoverMethod.NlbSwitch));

        Assert.Contains("bluegreenreleases CuttingOver", sweep.Points);
        Assert.Contains("aws elasticbeanstalk TerminateEnvironment", sweep.Points);
        TestContext.Current.TestOutputHelper?.WriteLine($"NlbSwitch {sweep}");
    }

    [Fact]
    public async Task An_nlb_weighted_release_survives_a_crash_at_every_phase_boundary_and_after_every_mutating_aws_call()
    {
        var sweep = await CrashPlan.SweepAsync(crashAt => ReleaseAsync(crashAt, CutoverMethod.NlbWeighted));

        Assert.True(sweep.Points.Count(p => p == "aws elasticloadbalancing ModifyListener") >= 3, string.Join(", ", sweep.Points));
        TestContext.Current.TestOutputHelper?.WriteLine($"NlbWeighted {sweep}");
    }

    [Fact]
    public async Task A_cname_swap_release_survives_a_crash_at_every_phase_boundary_and_after_every_mutating_aws_call()
    {
        var sweep = await CrashPlan.SweepAsync(crashAt => ReleaseAsync(crashAt, CutoverMethod.CnameSwap));

        Assert.Contains("aws elasticbeanstalk SwapEnvironmentCNAMEs", sweep.Points);
        TestContext.Current.TestOutputHelper?.WriteLine($"CnameSwap {sweep}");
    }

    /// <summary>Releases 1.0.1, then 1.0.2 with the operator killed at <paramref name="crashAt"/> and restarted; checks the outcome.</summary>
    private static async Task<CrashPlan> ReleaseAsync(int? crashAt, CutoverMethod cutover)
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", frontend: cutover != CutoverMethod.CnameSwap);
        var weighted = cutover == CutoverMethod.NlbWeighted;
        if (weighted)
        {
            await world.PatchSpecAsync(new JsonObject
            {
                ["strategy"] = new JsonObject
                {
                    ["cutover"] = "NlbWeighted",
                    ["steps"] = new JsonArray(new JsonObject { ["weight"] = 25, ["pauseSeconds"] = 60 }, new JsonObject { ["weight"] = 100 }),
                    ["analysis"] = new JsonObject { ["minRequests"] = 3 },
                },
            });
            await world.SettleAsync(); // the new strategy is seen (and its status written) before points are counted
        }

        var blueId = await world.EnvironmentIdAsync(DeploymentColor.Blue);
        var plan = CrashPlan.Start(world, crashAt, StatusPoint.Phase);

        await world.SetVersionAsync("1.0.2");
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(2), $"1.0.2 is released (crash at {crashAt?.ToString() ?? "none"})",
            weighted ? () => LoadAsync(world, answers) : null);

        var what = $"crash at {crashAt} ({plan.CrashedAt})";
        Assert.True(world.Starts == (crashAt is null ? 1 : 2), $"{what}: {world.Starts} operator starts; points: {string.Join(", ", plan.Points)}");
        Assert.Equal((DeploymentColor.Green, ReleasePhase.Succeeded), (done.Status!.ActiveColor, done.Status.Phase));
        Assert.True(world.Succeeded(Eb, "CreateEnvironment", c => c.Parameter("EnvironmentName") == "myapp-green" && c.Parameter("VersionLabel") == "1.0.2").Count == 1,
            $"{what}: exactly one green environment");
        Assert.True(world.Succeeded(Eb, "TerminateEnvironment", c => c.Parameter("EnvironmentId") == blueId).Count == 1, $"{what}: blue terminated exactly once");
        if (cutover == CutoverMethod.CnameSwap)
        {
            // Swapped once (a second swap would have given blue the production CNAME back); green holds it now.
            Assert.True(world.Succeeded(Eb, "SwapEnvironmentCNAMEs").Count == 1, $"{what}: CNAMEs swapped exactly once");
            var green = (await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App)).Status!.Environments!.Single(e => e.Color == DeploymentColor.Green);
            Assert.Equal((done.Status.Traffic!.ProductionCname, true), (green.Cname, green.Active));
        }
        else
        {
            Assert.Equal(["1.0.2"], (await world.RequestsAsync(3)).Keys);
        }

        Assert.False(answers.ContainsKey("failed"), $"{what}: {answers.GetValueOrDefault("failed")} requests through the NLB failed");
        return plan;
    }

    /// <summary>A few new connections through the NLB after each clock step: the weighted analysis needs requests to compare.</summary>
    private static async Task LoadAsync(ReleaseWorld world, Dictionary<string, int> answers)
    {
        foreach (var (answer, count) in await world.RequestsAsync(4))
        {
            answers[answer] = answers.GetValueOrDefault(answer) + count;
        }
    }
}
