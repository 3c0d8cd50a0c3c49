using System.Net;
using System.Text.Json.Nodes;
using Ebops.EndToEnd.Tests.Stack;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Release;

/// <summary>
/// The samples (<c>config/samples</c>) with the release's strategy and gate given by the test, applied with the real
/// kubectl to an <see cref="EbopsStack"/>, then released through the in-process simulator: bundles are put in its S3,
/// traffic goes through its NLB listener's loopback port (the static IPs' stand-in), and its durations are scaled so a
/// release takes seconds. The release's own timings (gate interval, bake, retention) are real seconds on the
/// operator's clock, so the tests choose short ones.
/// </summary>
internal sealed class ReleaseStack : IAsyncDisposable
{
    public const string Release = SampleSetup.App;
    public const string Bucket = "ebops-sandbox-bundles";

    private ReleaseStack(EbopsStack stack, AwsSimulator simulator)
    {
        Stack = stack;
        Simulator = simulator;
    }

    public EbopsStack Stack { get; }

    public AwsSimulator Simulator { get; }

    /// <summary>The NLB listener's stable endpoint (loopback), where clients connect.</summary>
    public IPEndPoint Nlb => Elbv2State.For(Simulator.World).Endpoints().Single(e => e.Type == "network").Loopback;

    /// <summary>
    /// Starts the stack, applies the samples with <paramref name="strategy"/> and <paramref name="healthGate"/> as the
    /// release's, and waits until the first release (<paramref name="first"/>) is Ready. Skips with the reason when AWS is
    /// not the in-process simulator: clients reach the NLB through its loopback port and the bundles go in its S3.
    /// </summary>
    /// <param name="strategy">The release's <c>spec.strategy</c>.</param>
    /// <param name="healthGate">The release's <c>spec.healthGate</c>.</param>
    /// <param name="scale">The simulator's time scale (EbopsStack's default 1/500 when null): EB's metrics window and ALB's
    /// client keep-alive scale with it.</param>
    /// <param name="first">The version of the first release.</param>
    public static async Task<ReleaseStack> StartAsync(JsonObject strategy, JsonObject healthGate, double? scale = null, string first = "1.0.1")
    {
        if (Environment.GetEnvironmentVariable(AwsUnderTest.EndpointVariable) is { Length: > 0 })
        {
            Assert.Skip($"{AwsUnderTest.EndpointVariable} is set: this release test needs the in-process simulator (clients go through its NLB "
                + "listener's loopback port, the bundles go in its S3, and its instances answer with their version label).");
        }

        // The operator starts once the release carries the test's strategy: the first release runs with it too.
        var stack = await EbopsStack.StartAsync(new StackOptions
        {
            StartOperator = false,
            Simulator = scale is { } factor ? () => new AwsSimulatorOptions { Timing = new Sandbox.Aws.Core.SimTiming(factor) } : new StackOptions().Simulator,
        }, TestContext.Current.CancellationToken);
        var release = new ReleaseStack(stack, stack.Aws.Simulator!);
        try
        {
            release.Simulator.World.S3.CreateBucket(Bucket);
            release.PutBundle(first);
            await SampleSetup.ApplyAsync(stack);
            (await stack.KubectlAsync("patch", "bgr", Release, "--type=merge", "-p",
                new JsonObject { ["spec"] = new JsonObject { ["strategy"] = strategy, ["healthGate"] = healthGate } }.ToJsonString())).EnsureSuccess("patch the strategy");
            stack.StartOperator();
            await stack.WaitAsync("--for=condition=Ready", "rdsdb,ebapp,nlbf", "--all");
            await stack.WaitAsync("--for=jsonpath={.status.stableVersion}=" + first, "bgr/" + Release);
            await stack.WaitAsync("--for=condition=Ready", "bgr/" + Release);
            return release;
        }
        catch
        {
            await release.DisposeAsync();
            throw;
        }
    }

    /// <summary>A bundle for <paramref name="label"/> where the samples name it (<c>myapp/myapp-&lt;label&gt;.zip</c>).</summary>
    public void PutBundle(string label) => Simulator.World.S3.PutObject(Bucket, Key(label), [1, 2, 3]);

    /// <summary><c>kubectl patch bgr myapp --type merge</c> with a new version label and bundle (uploaded first).</summary>
    public async Task SetVersionAsync(string label)
    {
        PutBundle(label);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["version"] = new JsonObject { ["label"] = label, ["sourceBundle"] = new JsonObject { ["s3Bucket"] = Bucket, ["s3Key"] = Key(label) } },
            },
        };
        (await Stack.KubectlAsync("patch", "bgr", Release, "--type=merge", "-p", patch.ToJsonString())).EnsureSuccess("patch the version");
    }

    /// <summary>The release as <c>kubectl get bgr myapp -o json</c> shows it.</summary>
    public Task<JsonNode> GetAsync() => Stack.GetJsonAsync("bgr", Release);

    /// <summary><c>kubectl wait --for=jsonpath=...</c> on the release.</summary>
    public Task WaitForAsync(string jsonPath, string value) => Stack.WaitAsync($"--for=jsonpath={jsonPath}={value}", "bgr/" + Release);

    public ValueTask DisposeAsync() => Stack.DisposeAsync();

    private static string Key(string label) => $"myapp/myapp-{label}.zip";
}
