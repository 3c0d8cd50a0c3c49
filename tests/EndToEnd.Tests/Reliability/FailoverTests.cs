using System.Text.Json.Nodes;
using Ebops.EndToEnd.Tests.Stack;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Reliability;

/// <summary>
/// Two <c>ebops run</c> processes with leader election against the emulator and the simulator. The leader is killed
/// with SIGKILL (no lease release, no drain) while green is being provisioned; the standby acquires the lease only
/// once the dead leader's lease expired, finishes the release, and the simulator's call log shows no mutating AWS call
/// made twice (<see cref="RepeatedMutations"/>). The time from the kill to the standby's first reconcile is printed.
/// </summary>
public sealed class FailoverTests
{
    private const string Bucket = "ebops-sandbox-bundles";
    private const string Release = SampleSetup.App;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_standby_takes_over_a_release_after_the_leader_is_killed_and_repeats_no_aws_call()
    {
        if (Environment.GetEnvironmentVariable(AwsUnderTest.EndpointVariable) is { Length: > 0 })
        {
            Assert.Skip($"{AwsUnderTest.EndpointVariable} is set: this test needs the in-process simulator (bundles in its S3, its call log).");
        }

        var ct = TestContext.Current.CancellationToken;
        await using var stack = await EbopsStack.StartAsync(new StackOptions
        {
            StartOperator = false,
            OperatorEnvironment = new Dictionary<string, string> { ["Logging__LogLevel__Ebops.Operator.Runtime"] = "Debug" },
        }, ct);
        var sim = stack.Aws.Simulator!;
        sim.World.S3.CreateBucket(Bucket);
        sim.World.S3.PutObject(Bucket, "myapp/myapp-1.0.1.zip", [1, 2, 3]);
        sim.World.S3.PutObject(Bucket, "myapp/myapp-1.0.2.zip", [1, 2, 3]);
        await SampleSetup.ApplyAsync(stack);
        (await stack.KubectlAsync("patch", "bgr", Release, "--type=merge", "-p", FastRelease().ToJsonString())).EnsureSuccess("patch the strategy");

        string[] election = ["--leader-elect", "--leader-election-namespace", stack.Namespace];
        await using var leader = stack.StartOperator(election);
        var acquired = await leader.LineAsync(l => l.Contains("acquired lease", StringComparison.Ordinal), "the first process leads", ct);
        var standby = stack.StartOperator(election); // disposed by the stack
        await stack.WaitAsync("--for=jsonpath={.status.stableVersion}=1.0.1", "bgr/" + Release);

        // SIGKILL right after green's CreateEnvironment took effect, before the leader learns the answer.
        var killed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var standbyLinesBefore = 0;
        sim.World.Calls.Logged += call =>
        {
            if (call.Action == "CreateEnvironment" && call.Succeeded && call.Parameters.GetValueOrDefault("VersionLabel") == "1.0.2" && !killed.Task.IsCompleted)
            {
                standbyLinesBefore = standby.Lines.Count;
                leader.Kill();
                killed.TrySetResult(TimeProvider.System.GetTimestamp());
            }
        };
        (await stack.KubectlAsync("patch", "bgr", Release, "--type=merge", "-p",
            """{"spec":{"version":{"label":"1.0.2","sourceBundle":{"s3Bucket":"ebops-sandbox-bundles","s3Key":"myapp/myapp-1.0.2.zip"}}}}""")).EnsureSuccess("set 1.0.2");
        var killedAt = await KubeWait.SignalAsync(killed.Task, "the leader creates green and is killed", ct);
        var lease = await stack.GetJsonAsync("lease", "ebops-leader");
        var renewedBeforeKill = DateTimeOffset.Parse(lease["spec"]!["renewTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        await standby.LineAsync(l => l.Contains("acquired lease", StringComparison.Ordinal), "the standby acquires the lease", ct);
        await standby.LineAsync(l => standby.Lines.Skip(standbyLinesBefore).Contains(l) && l.Contains("BlueGreenRelease", StringComparison.Ordinal)
            && (l.Contains(": reconciled", StringComparison.Ordinal) || l.Contains(": requeued after", StringComparison.Ordinal)), "the standby reconciles the release", ct);
        var takeover = TimeProvider.System.GetElapsedTime(killedAt);
        await stack.WaitAsync("--for=jsonpath={.status.stableVersion}=1.0.2", "bgr/" + Release);
        await stack.WaitAsync("--for=condition=Ready", "bgr/" + Release);

        var taken = await stack.GetJsonAsync("lease", "ebops-leader");
        var acquiredAt = DateTimeOffset.Parse(taken["spec"]!["acquireTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(lease["spec"]!["holderIdentity"]!.GetValue<string>(), taken["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.True(acquiredAt >= renewedBeforeKill + LeaseDuration, $"the standby took a lease renewed at {renewedBeforeKill:O} at {acquiredAt:O}, before it expired");
        var calls = sim.World.Calls.All;
        var repeats = RepeatedMutations.Find(calls);
        Assert.True(repeats.Count == 0, "repeated: " + string.Join("; ", repeats.Select(r => $"#{r.First.Sequence} and #{r.Again.Sequence} {r.Again.Service} {r.Again.Action}")));
        Assert.Single(calls, c => c.Action == "CreateEnvironment" && c.Succeeded && c.Parameters.GetValueOrDefault("VersionLabel") == "1.0.2");
        Assert.Single(calls, c => c.Action == "TerminateEnvironment" && c.Succeeded);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"time to takeover (SIGKILL to the standby's first reconcile): {takeover.TotalSeconds:F1} s; lease {LeaseDuration.TotalSeconds:F0} s; "
            + $"lease acquired {(acquiredAt - renewedBeforeKill).TotalSeconds:F1} s after the dead leader's last renewal; first leader: {acquired}; "
            + $"mutating AWS calls checked: {calls.Count(RepeatedMutations.IsMutation)}");
    }

    /// <summary>A release that takes seconds on the simulator's scale: a 5 s gate round, a 5 s bake, blue gone when drained.</summary>
    private static JsonObject FastRelease() => new()
    {
        ["spec"] = new JsonObject
        {
            ["strategy"] = new JsonObject
            {
                ["cutover"] = "NlbSwitch",
                ["autoPromotion"] = true,
                ["bakeSeconds"] = 5,
                ["blueRetention"] = new JsonObject { ["minSeconds"] = 0, ["untilDrained"] = true, ["maxSeconds"] = 600 },
            },
            ["healthGate"] = new JsonObject { ["intervalSeconds"] = 5, ["consecutiveSuccesses"] = 1, ["failureLimit"] = 3 },
        },
    };
}
