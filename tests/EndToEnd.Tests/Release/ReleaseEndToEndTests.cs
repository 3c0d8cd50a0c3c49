using System.Text.Json.Nodes;
using Ebops.Sandbox.Load;

namespace Ebops.EndToEnd.Tests.Release;

/// <summary>
/// A release as users run it: <c>ebops run</c> as a process, the real kubectl, the simulator's data plane. Clients send
/// requests through the NLB's stable port for the whole release 1.0.1 → 1.0.2, half on kept-alive connections and half
/// on a new connection per request: none fails, the answers move from 1.0.1 to 1.0.2, and the release ends Ready with
/// both releases in its history.
/// </summary>
public sealed class ReleaseEndToEndTests
{
    /// <summary>The sample's three checks (a merge patch replaces the list).</summary>
    public static JsonArray Checks() =>
    [
        new JsonObject { ["name"] = "eb-health", ["ebHealth"] = new JsonObject { ["minStatus"] = "Ok" } },
        new JsonObject { ["name"] = "target-health", ["targetHealth"] = new JsonObject() },
        new JsonObject { ["name"] = "http-root", ["http"] = new JsonObject { ["path"] = "/", ["expectStatus"] = "200-399", ["timeoutSeconds"] = 5 } },
    ];

    /// <summary>The shortest gate the schema allows: one passing round, rounds 5 s apart.</summary>
    public static JsonObject FastGate() => new() { ["intervalSeconds"] = 5, ["consecutiveSuccesses"] = 1, ["failureLimit"] = 3, ["checks"] = Checks() };

    [Fact]
    public async Task Clients_through_the_nlb_see_no_failed_request_while_1_0_1_is_replaced_by_1_0_2()
    {
        var strategy = new JsonObject
        {
            ["cutover"] = "NlbSwitch",
            ["autoPromotion"] = true,
            ["bakeSeconds"] = 5,
            // Blue goes once no request reached it for a metrics window (kept-alive clients move when blue's ALB closes
            // their connection after its client keep-alive time, scaled like every simulated duration).
            ["blueRetention"] = new JsonObject { ["minSeconds"] = 0, ["untilDrained"] = true, ["maxSeconds"] = 600 },
        };
        await using var release = await ReleaseStack.StartAsync(strategy, FastGate());
        await using var load = new LoadGenerator(LoadTarget.Endpoint(release.Nlb),
            new LoadOptions { Clients = 8, RequestsPerSecond = 80, KeepAliveFraction = 0.5, RequestTimeout = TimeSpan.FromSeconds(30) });
        load.Start();
        await load.Timeline.WhenRecordedAsync(40);

        await release.SetVersionAsync("1.0.2");
        await release.WaitForAsync("{.status.stableVersion}", "1.0.2");
        await release.Stack.WaitAsync("--for=condition=Ready", "bgr/" + ReleaseStack.Release);
        var released = load.Timeline.Mark("released");
        var count = load.Timeline.Count;
        await load.Timeline.WhenRecordedAsync(count + 40);
        await load.StopAsync();

        var all = load.Timeline.Summarize();
        var after = load.Timeline.Summarize(from: released);
        Report(load.Timeline, released);
        Assert.True(all.Failed == 0, $"{all.Failed} of {all.Total} requests failed: {string.Join(", ", all.FailuresByKind.Select(f => $"{f.Key} {f.Value}"))}");
        Assert.Equal(["1.0.1", "1.0.2"], all.Versions.Select(v => v.Version).Order(StringComparer.Ordinal));
        Assert.True(all.Versions.Single(v => v.Version == "1.0.1").FirstAt < all.Versions.Single(v => v.Version == "1.0.2").FirstAt, "1.0.1 answered first");
        Assert.Equal(["1.0.2"], after.Versions.Select(v => v.Version));
        foreach (var newConnection in new[] { false, true })
        {
            var samples = load.Timeline.Samples().Where(s => s.NewConnection == newConnection).ToList();
            Assert.Equal(["1.0.1", "1.0.2"], samples.Select(s => s.Version).Distinct().Order(StringComparer.Ordinal));
        }

        var status = (await release.GetAsync())["status"]!;
        Assert.Equal(("Succeeded", "green"), (status["phase"]!.GetValue<string>(), status["activeColor"]!.GetValue<string>()));
        var history = status["history"]!.AsArray().Select(r => (r!["version"]!.GetValue<string>(), r["outcome"]!.GetValue<string>())).ToList();
        Assert.Equal([("1.0.2", "Succeeded"), ("1.0.1", "Succeeded")], history);

        var calls = await release.Stack.Aws.RequireCallsAsync(TestContext.Current.CancellationToken);
        Assert.Single(calls, c => c.Action == "CreateEnvironment" && c.Succeeded && c.Parameters.GetValueOrDefault("VersionLabel") == "1.0.2");
        Assert.Single(calls, c => c.Action == "TerminateEnvironment" && c.Succeeded);
    }

    /// <summary>The figures, for the test's output: answers by version and connection kind, before and after the release.</summary>
    internal static void Report(LoadTimeline timeline, TimeSpan released)
    {
        var output = TestContext.Current.TestOutputHelper;
        foreach (var (label, samples) in new[] { ("kept-alive", timeline.Samples().Where(s => !s.NewConnection)), ("new connections", timeline.Samples().Where(s => s.NewConnection)) })
        {
            var summary = LoadTimeline.Summarize([.. samples]);
            output?.WriteLine($"{label}: {summary.Total} requests, {summary.Failed} failed; "
                + string.Join(", ", summary.Versions.Select(v => $"{v.Version} {v.Count} ({v.FirstAt.TotalSeconds:0.0}-{v.LastAt.TotalSeconds:0.0} s)")));
        }

        output?.WriteLine($"released (Ready) at {released.TotalSeconds:0.0} s");
    }
}
