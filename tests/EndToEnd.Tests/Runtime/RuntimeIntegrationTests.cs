using System.Diagnostics;
using System.Net;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Kube;
using k8s;
using k8s.Models;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// The runtime through the real KubernetesClient over HTTP, against the emulator (or a real cluster with
/// EBOPS_TEST_KUBECONFIG), with the trivial controller.
/// </summary>
public sealed class RuntimeIntegrationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static async Task<bool> IsReadyAsync(KubeTarget target, IKubernetes client, string name, long generation)
    {
        var widget = await target.GetAsync(client, name, Ct);
        var ready = Conditions.Find(widget?.Status, ConditionTypes.Ready);
        return ready is { Status: ConditionStatus.True } && ready.ObservedGeneration == generation && widget!.Status!.ObservedGeneration == generation;
    }

    [Fact]
    public async Task Reconciles_created_objects_follows_spec_changes_and_finalizes_on_delete()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct);
        var client = target.Client();

        foreach (var name in new[] { "a", "b", "c" })
        {
            await target.CreateAsync(client, Widget.Create(name, target.Namespace), Ct);
        }

        foreach (var name in new[] { "a", "b", "c" })
        {
            await Eventually.TrueAsync(() => IsReadyAsync(target, client, name, 1), $"{name} is Ready at generation 1", Ct);
        }

        var a = (await target.GetAsync(client, "a", Ct))!;
        Assert.Contains(Finalizers.Default, a.Metadata.Finalizers!);

        await target.PatchSpecAsync(client, "a", "large", Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "a", 2), "a is Ready at generation 2", Ct);

        // Our own status writes must not trigger more reconciles: b and c were reconciled exactly once.
        Assert.Equal(1, runtime.Log.Reconciled.Count(r => r.Name == "b"));

        await target.DeleteAsync(client, "c", Ct);
        await Eventually.TrueAsync(async () => await target.GetAsync(client, "c", Ct) is null, "c is gone", Ct);
        Assert.Equal(["c"], runtime.Log.Finalized);
    }

    [Fact]
    public async Task Health_readiness_and_metrics_are_served_over_http()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct);
        var client = target.Client();
        using var http = new HttpClient { BaseAddress = runtime.Metrics };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        await Eventually.TrueAsync(async () => (await http.GetAsync("/readyz", Ct)).StatusCode == HttpStatusCode.OK, "/readyz says ready", Ct);

        await target.CreateAsync(client, Widget.Create("m", target.Namespace), Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "m", 1), "m is Ready", Ct);

        var metrics = await http.GetStringAsync("/metrics", Ct);
        Assert.Contains("ebops_reconcile_total{kind=\"Widget\",result=\"done\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("ebops_reconcile_duration_seconds_bucket{kind=\"Widget\"", metrics, StringComparison.Ordinal);
        Assert.Contains("ebops_workqueue_queue_duration_seconds_count{kind=\"Widget\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("ebops_workqueue_depth{kind=\"Widget\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_gap_longer_than_the_servers_history_relists_and_sees_deletions_made_meanwhile()
    {
        await using var target = await KubeTarget.StartAsync(new KubeEmulatorOptions { WatchCacheSize = 5 }, Ct);
        var gate = new WatchGate();
        // Short server-side watch timeouts, so the watch reconnects (and meets the gate) within a second or two.
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct, client: target.Client(gate),
            configure: o => o with { Watcher = o.Watcher with { WatchTimeout = TimeSpan.FromSeconds(1) } });
        var client = target.Client();

        await target.CreateAsync(client, Widget.Create("keep", target.Namespace), Ct);
        await target.CreateAsync(client, Widget.Create("doomed", target.Namespace), Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "doomed", 1), "doomed is Ready", Ct);
        await Eventually.TrueAsync(() => runtime.Controller.Queue.Depth == 0 && runtime.Controller.Queue.InFlight == 0, "the queue is idle", Ct);

        // Break the watch (the next reconnect fails), then change more than the server keeps in its history.
        gate.Blocked = true;
        gate.Reset();
        await Eventually.TrueAsync(() => gate.Refused > 0, "the watch reconnect is refused", Ct);
        await target.DeleteAsync(client, "doomed", Ct);
        for (var i = 0; i < 10; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(new k8s.Models.V1ConfigMap { Metadata = new() { Name = $"noise-{i}" } }, target.Namespace, cancellationToken: Ct);
        }

        gate.Blocked = false;
        await Eventually.TrueAsync(async () => await target.GetAsync(client, "doomed", Ct) is null, "the deletion made during the gap is finalized", Ct);
        Assert.Contains("doomed", runtime.Log.Finalized);
        if (!target.IsRealCluster)
        {
            Assert.True(runtime.Controller.Watcher.Lists >= 2, "the watcher re-listed after 410 Gone");
        }

        await target.CreateAsync(client, Widget.Create("after", target.Namespace), Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "after", 1), "objects created after the 410 are reconciled", Ct);
    }

    [Fact]
    public async Task Bookmarks_advance_the_watchers_resource_version_past_changes_it_does_not_watch()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct,
            configure: o => o with { Watcher = o.Watcher with { WatchTimeout = TimeSpan.FromSeconds(1) } });
        var client = target.Client();
        await target.CreateAsync(client, Widget.Create("w", target.Namespace), Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "w", 1), "w is Ready", Ct);

        var other = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unwatched" } }, target.Namespace,
            cancellationToken: Ct);
        var otherVersion = long.Parse(other.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
        if (target.IsRealCluster)
        {
            // A real API server's resourceVersions are opaque; only the emulator's are comparable numbers.
            return;
        }

        // Only a BOOKMARK can carry a ConfigMap's resourceVersion into a Widget watcher.
        await Eventually.TrueAsync(() => long.Parse(runtime.Controller.Watcher.ResourceVersion ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= otherVersion,
            "a bookmark moved the watcher past the ConfigMap's resourceVersion", Ct);
        Assert.Equal(1, runtime.Controller.Watcher.Lists);
    }

    [Fact]
    public async Task Only_the_leader_reconciles_and_a_released_lease_is_taken_over_before_it_expires()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        var election = new Dictionary<string, string?>
        {
            ["Operator:LeaderElect"] = "true",
            ["Operator:LeaderElectionNamespace"] = target.Namespace,
            // The lease lasts far longer than the test waits: a takeover can only come from the release.
            ["Operator:LeaseDuration"] = "00:02:00",
            ["Operator:RenewDeadline"] = "00:01:00",
            ["Operator:RetryPeriod"] = "00:00:00.250",
        };
        var client = target.Client();
        await using var first = await RuntimeUnderTest.StartAsync(target, Ct, election);
        await Eventually.TrueAsync(() => first.Election.IsLeader, "the first replica leads", Ct);
        await using var second = await RuntimeUnderTest.StartAsync(target, Ct, election);
        using var http = new HttpClient { BaseAddress = second.Metrics };
        await Eventually.TrueAsync(async () => (await http.GetAsync("/readyz", Ct)).StatusCode == HttpStatusCode.OK, "the standby is ready (it knows the leader)", Ct);
        Assert.Equal(first.Election.Identity, second.Election.Leader);
        Assert.False(second.Election.IsLeader);

        await target.CreateAsync(client, Widget.Create("one", target.Namespace), Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "one", 1), "one is Ready", Ct);
        Assert.Empty(second.Log.Reconciled);
        Assert.Contains(first.Log.Reconciled, r => r.Name == "one");

        await first.StopAsync();
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("ebops-leader", target.Namespace, cancellationToken: Ct);
        Assert.NotEqual(first.Election.Identity, lease.Spec.HolderIdentity);

        await Eventually.TrueAsync(() => second.Election.IsLeader, "the standby takes over after the release", Ct);
        await target.CreateAsync(client, Widget.Create("two", target.Namespace), Ct);
        await Eventually.TrueAsync(() => IsReadyAsync(target, client, "two", 1), "two is Ready", Ct);
        Assert.Contains(second.Log.Reconciled, r => r.Name == "two");
        Assert.DoesNotContain(first.Log.Reconciled, r => r.Name == "two");
    }

    [Fact]
    public async Task A_terminal_error_stalls_with_an_event_and_a_change_to_the_referenced_secret_retries_it()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct, register: s => s.AddController<Widget, SecretCheckingController>());
        var client = target.Client();
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            StringData = new Dictionary<string, string> { ["user"] = "admin" },
        }, target.Namespace, cancellationToken: Ct);
        var widget = Widget.Create("picky", target.Namespace);
        widget.Spec.SecretName = "creds";
        await target.CreateAsync(client, widget, Ct);

        await Eventually.TrueAsync(async () => Conditions.IsTrue((await target.GetAsync(client, "picky", Ct))?.Status, ConditionTypes.Stalled), "picky is Stalled", Ct);
        var status = (await target.GetAsync(client, "picky", Ct))!.Status;
        var stalled = Conditions.Find(status, ConditionTypes.Stalled)!;
        Assert.Equal("SecretIncomplete", stalled.Reason);
        Assert.Equal("spec.secretName: Secret creds has no key 'token'", stalled.Message);
        Assert.Equal(ConditionStatus.False, Conditions.Find(status, ConditionTypes.Ready)!.Status);
        await Eventually.TrueAsync(async () =>
        {
            var events = await client.EventsV1.ListNamespacedEventAsync(target.Namespace, cancellationToken: Ct);
            return events.Items.Any(e => e.Regarding?.Name == "picky" && e.Reason == "SecretIncomplete" && e.Type == "Warning" && e.ReportingController == "ebops");
        }, "a Warning event about picky is recorded", Ct);
        var attempts = runtime.Log.Reconciled.Count;

        // An unrelated Secret appearing does not wake it up; a change to the referenced one does.
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "other" },
            StringData = new Dictionary<string, string> { ["token"] = "x" },
        }, target.Namespace, cancellationToken: Ct);
        await client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("{\"stringData\":{\"token\":\"s3cr3t\"}}", V1Patch.PatchType.MergePatch), "creds",
            target.Namespace, cancellationToken: Ct);
        await Eventually.TrueAsync(async () => Conditions.IsTrue((await target.GetAsync(client, "picky", Ct))?.Status, ConditionTypes.Ready),
            "picky is Ready after the Secret was fixed", Ct);
        Assert.Equal(attempts + 1, runtime.Log.Reconciled.Count);
        Assert.Equal(ConditionStatus.False, Conditions.Find((await target.GetAsync(client, "picky", Ct))!.Status, ConditionTypes.Stalled)!.Status);

        // Nothing secret leaks into status or events.
        var everything = KubernetesJson.Serialize(await target.GetAsync(client, "picky", Ct))
            + KubernetesJson.Serialize(await client.EventsV1.ListNamespacedEventAsync(target.Namespace, cancellationToken: Ct));
        Assert.DoesNotContain("s3cr3t", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_that_loses_its_lease_stops_with_exit_code_1()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        var election = new Dictionary<string, string?>
        {
            ["Operator:LeaderElect"] = "true",
            ["Operator:LeaderElectionNamespace"] = target.Namespace,
            ["Operator:LeaseDuration"] = "00:00:30",
            ["Operator:RenewDeadline"] = "00:00:01",
            ["Operator:RetryPeriod"] = "00:00:00.200",
        };
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct, election);
        await Eventually.TrueAsync(() => runtime.Election.IsLeader, "the replica leads", Ct);
        var exitCode = Ebops.Operator.Runtime.Hosting.OperatorHost.ExitCode(runtime.App);
        var stopping = runtime.App.Lifetime.ApplicationStopping;
        Assert.False(stopping.IsCancellationRequested);

        // Someone else takes the lease (as after a long pause of this process).
        var client = target.Client();
        await Eventually.TrueAsync(async () =>
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("ebops-leader", target.Namespace, cancellationToken: Ct);
            lease.Spec.HolderIdentity = "usurper";
            lease.Spec.AcquireTime = lease.Spec.RenewTime = DateTime.UtcNow;
            try
            {
                await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "ebops-leader", target.Namespace, cancellationToken: Ct);
                return true;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                return false; // the leader renewed in between; read again
            }
        }, "the lease is taken over", Ct);

        await Eventually.TrueAsync(() => stopping.IsCancellationRequested, "the host is asked to stop", Ct);
        Assert.Equal(1, exitCode());
        Assert.False(runtime.Election.IsLeader);
    }

    [Fact]
    public async Task Kubectl_wait_for_condition_Ready_succeeds()
    {
        await using var target = await KubeTarget.StartAsync(null, Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(target, Ct);
        await target.CreateAsync(target.Client(), Widget.Create("waited", target.Namespace), Ct);

        var (code, output) = await KubectlAsync(target, "wait", "--for=condition=Ready", "widgets.runtime-test.ebops.io/waited", "-n", target.Namespace, "--timeout=60s");
        Assert.True(code == 0, output);
        Assert.Contains("condition met", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> KubectlAsync(KubeTarget target, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(target.Kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Fails watch requests while <see cref="Blocked"/> is set, to open a gap in the watch.</summary>
    private sealed class WatchGate : DelegatingHandler
    {
        private int refused;

        public volatile bool Blocked;

        public int Refused => Volatile.Read(ref refused);

        public void Reset() => Interlocked.Exchange(ref refused, 0);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Blocked && request.RequestUri?.Query.Contains("watch=true", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref refused);
                throw new HttpRequestException("watch blocked by the test");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
