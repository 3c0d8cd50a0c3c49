using System.Text.Json.Nodes;
using Ebops.EndToEnd.Tests.ArgoCd;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Tests.Shared;
using k8s;

namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>
/// <c>kubectl ebops ...</c>: the real kubectl finds the plugin on PATH and runs it against the emulator (or
/// EBOPS_TEST_KUBECONFIG's cluster). Without a release controller in this suite, each test writes the status it needs
/// through the status subresource, as ebops would. The objects the API server returns also go through the Argo CD
/// scripts.
/// </summary>
public sealed class KubectlPluginTests(KubeTarget target)
{
    private async Task<TestNamespace> NamespaceWithCrdsAsync()
    {
        var ns = new TestNamespace(await target.CreateNamespaceAsync("e2e", TestContext.Current.CancellationToken), new Kubectl(target.Kubeconfig));
        (await ns.Kubectl.RunAsync("apply", "-k", RepoPaths.Config("crds"))).EnsureSuccess("apply -k config/crds");
        (await ns.Kubectl.RunAsync("wait", "--for", "condition=established", "--timeout=60s", "crd/bluegreenreleases.ebops.io")).EnsureSuccess("wait");
        return ns;
    }

    /// <summary>Creates <paramref name="release"/> (metadata.name and spec) and writes its status, with observedGeneration shifted to the server's.</summary>
    private static async Task<JsonObject> CreateAsync(TestNamespace ns, BlueGreenRelease release)
    {
        var manifest = new JsonObject
        {
            ["apiVersion"] = EbopsApi.GroupVersion,
            ["kind"] = BlueGreenRelease.KindName,
            ["metadata"] = new JsonObject { ["name"] = release.Metadata.Name },
            ["spec"] = JsonNode.Parse(KubernetesJson.Serialize(release.Spec)),
        };
        (await ns.RunWithInputAsync(manifest.ToJsonString(), "apply", "-f", "-")).EnsureSuccess("apply release");
        if (release.Status is { } status)
        {
            var lag = (release.Metadata.Generation ?? 1) - (status.ObservedGeneration ?? 0);
            var served = JsonNode.Parse((await ns.RunAsync("get", "bgr", release.Metadata.Name, "-o", "json")).EnsureSuccess("get").StdOut)!;
            var generation = (long)served["metadata"]!["generation"]!;
            var body = JsonNode.Parse(KubernetesJson.Serialize(status))!.AsObject();
            body["observedGeneration"] = generation - lag;
            foreach (var condition in body["conditions"]?.AsArray() ?? [])
            {
                condition!["observedGeneration"] = generation - lag;
            }

            var patch = new JsonObject { ["status"] = body }.ToJsonString();
            (await ns.RunAsync("patch", "bgr", release.Metadata.Name, "--subresource=status", "--type=merge", "-p", patch)).EnsureSuccess("patch status");
        }

        return Get(await ns.RunAsync("get", "bgr", release.Metadata.Name, "-o", "json"));
    }

    private static JsonObject Get(KubectlResult result) => JsonNode.Parse(result.EnsureSuccess("get").StdOut)!.AsObject();

    private static BlueGreenRelease Fixture(string name, string objectName = "myapp")
    {
        var release = ReleaseFixtures.All.Single(f => f.Name == name).Release;
        release.Metadata.Name = objectName;
        return release;
    }

    [Fact]
    public async Task Status_shows_phase_gate_and_signals_through_kubectl()
    {
        await using var ns = await NamespaceWithCrdsAsync();
        using var plugin = new KubectlPlugin(target.Kubeconfig);
        await CreateAsync(ns, Fixture("AwaitingPromotion (manual)"));

        var status = await plugin.RunAsync("status", "myapp", "-n", ns.Name);

        Assert.True(status.ExitCode == 0, status.StdErr);
        var lines = status.StdOut.Split('\n');
        Assert.Contains($"Name:             {ns.Name}/myapp", lines);
        Assert.Contains("Phase:            AwaitingPromotion since 2026-03-01 12:00:00Z", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("paused: AwaitingPromotion", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("Signals:          promote, abort (kubectl ebops <signal> myapp)", lines);
        Assert.Contains("Gate:             1/3 (not passed; streak 1 passing round(s) in a row", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_sets_only_the_two_annotations_and_Argo_CD_then_sees_the_signal_pending()
    {
        await using var ns = await NamespaceWithCrdsAsync();
        using var plugin = new KubectlPlugin(target.Kubeconfig);
        var before = await CreateAsync(ns, Fixture("AwaitingPromotion (manual)"));

        var promote = await plugin.RunAsync(["promote", "myapp", "--namespace", ns.Name], flag: true);

        Assert.True(promote.ExitCode == 0, promote.StdErr);
        Assert.Contains($"promote requested for bluegreenrelease/myapp in {ns.Name} by {Environment.UserName} (phase AwaitingPromotion)", promote.StdOut, StringComparison.Ordinal);
        var after = Get(await ns.RunAsync("get", "bgr", "myapp", "-o", "json"));
        var annotations = after["metadata"]!["annotations"]!.AsObject();
        Assert.Equal("promote", (string?)annotations[EbopsAnnotations.Signal]);
        Assert.Equal(Environment.UserName, (string?)annotations[EbopsAnnotations.SignalBy]);
        Assert.Equal((long)before["metadata"]!["generation"]!, (long)after["metadata"]!["generation"]!);
        Assert.True(JsonNode.DeepEquals(before["spec"], after["spec"]));
        Assert.True(JsonNode.DeepEquals(before["status"], after["status"]));

        var shown = await plugin.RunAsync("status", "myapp", "-n", ns.Name);
        Assert.Contains($"Pending signal:   promote by {Environment.UserName} (not yet applied)", shown.StdOut.Split('\n'));
        var health = await ArgoCdVm.RunAsync(ArgoCdConfig.Health("BlueGreenRelease"), after);
        Assert.Equal("Suspended", (string?)health!["status"]);
    }

    [Fact]
    public async Task Signals_the_phase_does_not_take_and_missing_releases_are_refused_without_a_write()
    {
        await using var ns = await NamespaceWithCrdsAsync();
        using var plugin = new KubectlPlugin(target.Kubeconfig);
        var before = await CreateAsync(ns, Fixture("Verifying"));

        var promote = await plugin.RunAsync("promote", "myapp", "-n", ns.Name, "--who", "alice");
        var missing = await plugin.RunAsync("retry", "nope", "-n", ns.Name);
        var badContext = await plugin.RunAsync("status", "myapp", "-n", ns.Name, "--context", "no-such-context");

        Assert.Equal(1, promote.ExitCode);
        Assert.Contains($"error: cannot promote {ns.Name}/myapp: promote applies in phase AwaitingPromotion", promote.StdErr, StringComparison.Ordinal);
        Assert.Contains("the release is in phase Verifying", promote.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"error: bluegreenreleases.ebops.io \"nope\" not found in namespace \"{ns.Name}\"", missing.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, badContext.ExitCode);
        Assert.Contains("cannot load the Kubernetes configuration", badContext.StdErr, StringComparison.Ordinal);
        var after = Get(await ns.RunAsync("get", "bgr", "myapp", "-o", "json"));
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Every_signal_is_accepted_in_its_phase_with_the_sender_recorded()
    {
        await using var ns = await NamespaceWithCrdsAsync();
        using var plugin = new KubectlPlugin(target.Kubeconfig);
        var cases = new[] { ("abort", "Verifying"), ("retry", "Aborted"), ("rollback", "Baking"), ("promote", "CuttingOver (weighted, manual step)") };
        foreach (var (signal, fixture) in cases)
        {
            await CreateAsync(ns, Fixture(fixture, signal));

            var sent = await plugin.RunAsync(signal, signal, "-n", ns.Name, "--who", "ci-bot");

            Assert.True(sent.ExitCode == 0, $"{signal}: {sent.StdErr}");
            var annotations = Get(await ns.RunAsync("get", "bgr", signal, "-o", "json"))["metadata"]!["annotations"]!;
            Assert.Equal(signal, (string?)annotations[EbopsAnnotations.Signal]);
            Assert.Equal("ci-bot", (string?)annotations[EbopsAnnotations.SignalBy]);
        }
    }

    [Fact]
    public async Task Argo_CD_scripts_judge_the_objects_the_API_server_returns_in_every_phase()
    {
        ArgoCdVm.RequireInterpreter();
        await using var ns = await NamespaceWithCrdsAsync();
        var index = 0;
        foreach (var fixture in ReleaseFixtures.All)
        {
            var release = Fixture(fixture.Name, $"release-{index++}");
            var served = await CreateAsync(ns, release);

            var health = await ArgoCdVm.RunAsync(ArgoCdConfig.Health("BlueGreenRelease"), served);
            var actions = await ArgoCdVm.RunAsync(ArgoCdConfig.Discovery("BlueGreenRelease"), served);

            Assert.True(fixture.Health == (string?)health!["status"], $"{fixture.Name}: {health.ToJsonString()}");
            var parsed = KubernetesJson.Deserialize<BlueGreenRelease>(served.ToJsonString());
            foreach (var signal in ReleaseSignals.All)
            {
                Assert.Equal(ReleaseSignals.Accepts(signal, parsed.Spec, parsed.Status), !(bool)actions![ReleaseSignals.Name(signal)]!["disabled"]!);
            }
        }
    }
}
