using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Load;

namespace Ebops.EndToEnd.Tests.Release;

/// <summary>
/// NlbWeighted as users run it (<c>ebops run</c>, the real kubectl, the simulator's NLB data plane): new connections
/// through the NLB's stable port shift to green step by step in the proportion of the weights, none fails, and a
/// green that starts failing under its first share of traffic is rolled back with the 5xx evidence in status.
/// </summary>
public sealed class WeightedReleaseEndToEndTests
{
    /// <summary>
    /// 1/50 of real durations: EB's request metrics window (10 s realistic) becomes 200 ms, enough requests for a
    /// comparison at this load; environments still launch in seconds.
    /// </summary>
    private const double Scale = 0.02;

    /// <summary>New connections sent at each held step to measure green's share (σ of the share at 50%: under 2 points).</summary>
    private const int Sample = 800;

    private static JsonObject Weighted(JsonArray steps) => new()
    {
        ["cutover"] = "NlbWeighted",
        ["steps"] = steps,
        ["bakeSeconds"] = 5,
        ["blueRetention"] = new JsonObject { ["minSeconds"] = 0, ["untilDrained"] = true, ["maxSeconds"] = 600 },
        // p99 on real sockets of a shared test machine is noise, not a signal: the 5xx comparison decides here.
        ["analysis"] = new JsonObject { ["minRequests"] = 5, ["maxErrorPercent"] = 5, ["maxErrorPercentOverBlue"] = 1, ["maxP99IncreasePercent"] = 0 },
    };

    private static LoadGenerator NewConnections(ReleaseStack release, double rate) => new(LoadTarget.Endpoint(release.Nlb),
        new LoadOptions { Clients = 16, RequestsPerSecond = rate, KeepAliveFraction = 0, RequestTimeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task At_each_step_green_answers_its_weight_of_new_connections_and_no_request_fails()
    {
        // Manual steps hold each weight until promote, so each share is measured at one weight only.
        var steps = new JsonArray(new JsonObject { ["weight"] = 10 }, new JsonObject { ["weight"] = 50 }, new JsonObject { ["weight"] = 100 });
        await using var release = await ReleaseStack.StartAsync(Weighted(steps), ReleaseEndToEndTests.FastGate(), Scale);
        await using var load = NewConnections(release, 100);
        load.Start();

        await release.SetVersionAsync("1.0.2");
        var shares = new List<(int Weight, double Share)>();
        foreach (var weight in new[] { 10, 50 })
        {
            await release.WaitForAsync("{.status.traffic.greenWeight}", weight.ToString(CultureInfo.InvariantCulture));
            await release.WaitForAsync("{.status.pauseReason}", "AwaitingPromotion");
            shares.Add((weight, await GreenShareAsync(release)));
            (await release.Stack.KubectlAsync("annotate", "bgr", ReleaseStack.Release, "ebops.io/signal=promote", "ebops.io/signal-by=e2e")).EnsureSuccess("promote");
        }

        await release.Stack.WaitAsync("--for=condition=Ready", "bgr/" + ReleaseStack.Release);
        await release.WaitForAsync("{.status.stableVersion}", "1.0.2");
        shares.Add((100, await GreenShareAsync(release)));
        await load.StopAsync();

        var all = load.Timeline.Summarize();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", shares.Select(s => $"weight {s.Weight}%: green answered {s.Share:0.0}% of {Sample}"))
            + $"; background: {all.Total} requests, {all.Failed} failed");
        Assert.All(shares, s => Assert.InRange(s.Share, s.Weight - 6, s.Weight + 6));
        Assert.Equal(100, shares[^1].Share);
        Assert.True(all.Failed == 0, $"{all.Failed} of {all.Total} requests failed: {string.Join(", ", all.FailuresByKind.Select(f => $"{f.Key} {f.Value}"))}");
        var traffic = (await release.GetAsync())["status"]!["traffic"]!;
        Assert.Equal([10, 50, 100], traffic["steps"]!.AsArray().Select(s => s!["weight"]!.GetValue<int>()));
        Assert.Equal("green 100%", traffic["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_green_failing_at_its_first_step_is_rolled_back_with_its_5xx_evidence()
    {
        var steps = new JsonArray(new JsonObject { ["weight"] = 20, ["pauseSeconds"] = 600 }, new JsonObject { ["weight"] = 100 });
        await using var release = await ReleaseStack.StartAsync(Weighted(steps), ReleaseEndToEndTests.FastGate(), Scale);
        await using var load = NewConnections(release, 150);
        load.Start();

        await release.SetVersionAsync("1.0.2");
        await release.WaitForAsync("{.status.traffic.greenWeight}", "20");
        // The simulator's failing version: from now on 1.0.2's instances answer 500 (healthy up to here, so the gate let it through).
        release.Simulator.World.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);
        await release.WaitForAsync("{.status.phase}", "RolledBack");
        var after = await GreenShareAsync(release);
        await load.StopAsync();

        var status = (await release.GetAsync())["status"]!;
        var step = Assert.Single(status["traffic"]!["steps"]!.AsArray())!;
        TestContext.Current.TestOutputHelper?.WriteLine($"step 20%: {step["analysis"]}; history: {status["history"]![0]!["reason"]}");
        Assert.Equal(("AnalysisFailed", "blue", 0), (status["history"]![0]!["reason"]!.GetValue<string>(), status["activeColor"]!.GetValue<string>(),
            status["traffic"]!["greenWeight"]!.GetValue<int>()));
        Assert.False(step["passed"]!.GetValue<bool>());
        Assert.Contains("5xx", step["analysis"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, after);
    }

    /// <summary>Sends <see cref="Sample"/> requests on new connections and gives the percentage 1.0.2 answered (any failure fails the test).</summary>
    private static async Task<double> GreenShareAsync(ReleaseStack release)
    {
        await using var burst = NewConnections(release, 1000);
        await burst.BurstAsync(Sample / 16);
        var summary = burst.Timeline.Summarize();
        Assert.True(summary.Failed == 0, $"{summary.Failed} of {summary.Total} requests of the sample failed");
        return 100.0 * summary.CountOf("1.0.2") / summary.Total;
    }
}
