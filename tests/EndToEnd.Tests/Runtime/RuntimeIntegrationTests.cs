using System.Diagnostics;
using System.Net;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;
using k8s;
using k8s.Models;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// The runtime through the real KubernetesClient over HTTP, against the emulator (or a real cluster with
/// EBOPS_TEST_KUBECONFIG), with the trivial controller. Every wait is on an event (a watch, a signal), never a poll.
/// </summary>
public sealed class RuntimeIntegrationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static bool IsReady(Widget? widget, long generation)
    {
        var ready = Conditions.Find(widget?.Status, ConditionTypes.Ready);
        return ready is { Status: ConditionStatus.True } && ready.ObservedGeneration == generation && widget!.Status!.ObservedGeneration == generation;
    }

    private static Task ReadyAsync(RuntimeTestBed bed, string name, long generation = 1) =>
        bed.Widgets.WaitAsync(name, w => IsReady(w, generation), $"{name} is Ready at generation {generation}", Ct);

    [Fact]
    public async Task Reconciles_created_objects_follows_spec_changes_and_finalizes_on_delete()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct);

        foreach (var name in new[] { "a", "b", "c" })
        {
            await bed.Widgets.CreateAsync(name, Ct);
        }

        foreach (var name in new[] { "a", "b", "c" })
        {
            await ReadyAsync(bed, name);
        }

        var a = (await bed.Widgets.GetAsync("a", Ct))!;
        Assert.Contains(Finalizers.Default, a.Metadata.Finalizers!);

        await bed.Widgets.PatchSpecAsync("a", 3, Ct);
        await ReadyAsync(bed, "a", 2);

        // Our own status writes must not trigger more reconciles: b was reconciled exactly once.
        Assert.Equal(1, runtime.Log.Reconciled.Count(r => r.Name == "b"));

        await bed.Widgets.DeleteAsync("c", Ct);
        await bed.Widgets.WaitAsync("c", w => w is null, "c is gone", Ct);
        Assert.Equal(["c"], runtime.Log.Finalized);
    }

    [Fact]
    public async Task A_steady_state_reconcile_makes_no_request_and_a_status_change_makes_one()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct);
        await bed.Widgets.CreateAsync("w", Ct);
        await ReadyAsync(bed, "w");
        await runtime.CachedAsync("w", w => IsReady(w, 1), Ct);

        // A resync of a converged object: read from the cache, nothing to write.
        runtime.Requests.Clear();
        Assert.Equal(Operator.Runtime.Reconciliation.ReconcileOutcome.Done,
            await runtime.Controller.ProcessAsync(new Operator.Runtime.ResourceKey(bed.Namespace, "w"), Ct));
        Assert.Empty(runtime.Requests.Requests);

        // A spec change: the status changes (observedGeneration, note) in exactly one request.
        await bed.Widgets.PatchSpecAsync("w", 4, Ct);
        await ReadyAsync(bed, "w", 2);
        Assert.Equal([$"PATCH /apis/test.ebops.io/v1/namespaces/{bed.Namespace}/widgets/w/status"], runtime.Requests.Requests);
        Assert.Equal("size 4", (await bed.Widgets.GetAsync("w", Ct))!.Status!.Note);
    }

    [Fact]
    public async Task Health_readiness_and_metrics_are_served_over_http()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct);
        using var http = new HttpClient { BaseAddress = runtime.Metrics };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        await runtime.SyncedAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);

        await bed.Widgets.CreateAsync("m", Ct);
        await ReadyAsync(bed, "m");
        await runtime.OutcomeAsync("m", Operator.Runtime.Reconciliation.ReconcileOutcome.Done, Ct);

        var metrics = await http.GetStringAsync("/metrics", Ct);
        Assert.Contains("ebops_reconcile_total{kind=\"Widget\",result=\"done\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("ebops_reconcile_duration_seconds_bucket{kind=\"Widget\"", metrics, StringComparison.Ordinal);
        Assert.Contains("ebops_workqueue_queue_duration_seconds_count{kind=\"Widget\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("ebops_workqueue_depth{kind=\"Widget\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_gap_longer_than_the_servers_history_relists_and_sees_deletions_made_meanwhile()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct, new KubeEmulatorOptions { WatchCacheSize = 5 });
        var gate = new WatchGate();
        // Short server-side watch timeouts, so the watch reconnects (and meets the gate) within a second or two.
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct, handler: gate,
            configure: o => o with { Watcher = o.Watcher with { WatchTimeout = TimeSpan.FromSeconds(1) } });

        await bed.Widgets.CreateAsync("keep", Ct);
        await bed.Widgets.CreateAsync("doomed", Ct);
        await ReadyAsync(bed, "doomed");

        // Break the watch (the next reconnect fails), then change more widgets than the server keeps in their history
        // (the emulator, like kube-apiserver's watch cache, keeps a window per resource type).
        var refused = gate.Block();
        await KubeWait.SignalAsync(refused, "a widget watch reconnect is refused", Ct);
        await bed.Widgets.DeleteAsync("doomed", Ct);
        for (var i = 0; i < 10; i++)
        {
            await bed.Widgets.CreateAsync($"noise-{i}", Ct);
        }

        gate.Unblock();
        await bed.Widgets.WaitAsync("doomed", w => w is null, "the deletion made during the gap is finalized", Ct);
        Assert.Contains("doomed", runtime.Log.Finalized);
        if (!bed.Kube.IsRealCluster)
        {
            Assert.True(runtime.Controller.Informer.Watcher.Lists >= 2, "the watcher re-listed after 410 Gone");
        }

        await bed.Widgets.CreateAsync("after", Ct);
        await ReadyAsync(bed, "after");
    }

    [Fact]
    public async Task Bookmarks_advance_the_watchers_resource_version_past_changes_it_does_not_watch()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        if (bed.Kube.IsRealCluster)
        {
            // A real API server's resourceVersions are opaque; only the emulator's are comparable numbers.
            return;
        }

        var watches = new WatchGate();
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct, handler: watches,
            configure: o => o with { Watcher = o.Watcher with { WatchTimeout = TimeSpan.FromSeconds(1) } });
        await bed.Widgets.CreateAsync("w", Ct);
        await ReadyAsync(bed, "w");

        var other = await bed.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unwatched" } }, bed.Namespace,
            cancellationToken: Ct);
        var otherVersion = long.Parse(other.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);

        // Only a BOOKMARK can carry a ConfigMap's resourceVersion into a Widget watch: the resumed watch starts past it.
        await KubeWait.SignalAsync(watches.WidgetWatchFrom(v => v >= otherVersion), "a widget watch resumes past the ConfigMap's resourceVersion", Ct);
        Assert.Equal(1, runtime.Controller.Informer.Watcher.Lists);
    }

    [Fact]
    public async Task Only_the_leader_reconciles_and_a_released_lease_is_taken_over_before_it_expires()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        var election = new Dictionary<string, string?>
        {
            ["Operator:LeaderElect"] = "true",
            ["Operator:LeaderElectionNamespace"] = bed.Namespace,
            // The lease lasts far longer than the test waits: a takeover can only come from the release.
            ["Operator:LeaseDuration"] = "00:02:00",
            ["Operator:RenewDeadline"] = "00:01:00",
            ["Operator:RetryPeriod"] = "00:00:00.250",
        };
        await using var first = await RuntimeUnderTest.StartAsync(bed, Ct, election);
        await KubeWait.SignalAsync(first.Election.BecameLeader, "the first replica leads", Ct);
        await using var second = await RuntimeUnderTest.StartAsync(bed, Ct, election);
        using var http = new HttpClient { BaseAddress = second.Metrics };
        await KubeWait.SignalAsync(second.Election.LeaderKnown, "the standby learns who leads", Ct);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);
        Assert.Equal(first.Election.Identity, second.Election.Leader);
        Assert.False(second.Election.IsLeader);

        await bed.Widgets.CreateAsync("one", Ct);
        await ReadyAsync(bed, "one");
        Assert.Empty(second.Log.Reconciled);
        Assert.Contains(first.Log.Reconciled, r => r.Name == "one");

        await first.StopAsync();
        var lease = await bed.Client.CoordinationV1.ReadNamespacedLeaseAsync("ebops-leader", bed.Namespace, cancellationToken: Ct);
        Assert.NotEqual(first.Election.Identity, lease.Spec.HolderIdentity);

        await KubeWait.SignalAsync(second.Election.BecameLeader, "the standby takes over after the release", Ct);
        await bed.Widgets.CreateAsync("two", Ct);
        await ReadyAsync(bed, "two");
        Assert.Contains(second.Log.Reconciled, r => r.Name == "two");
        Assert.DoesNotContain(first.Log.Reconciled, r => r.Name == "two");
    }

    [Fact]
    public async Task A_terminal_error_stalls_with_an_event_and_a_change_to_the_referenced_secret_retries_it()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct, register: s => s.AddController<Widget, SecretCheckingController>());
        // The Secret's own change is delivered before the Widget exists: its re-queue of referrers cannot race the
        // Widget's first reconcile into a second one, so the count below is exact.
        var credsDelivered = runtime.SecretDeliveredAsync("creds", Ct);
        await bed.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            StringData = new Dictionary<string, string> { ["user"] = "admin" },
        }, bed.Namespace, cancellationToken: Ct);
        await credsDelivered;
        await bed.Widgets.CreateAsync("picky", Ct, secretName: "creds");

        await bed.Widgets.WaitAsync("picky", w => Conditions.IsTrue(w?.Status, ConditionTypes.Stalled), "picky is Stalled", Ct);
        var status = (await bed.Widgets.GetAsync("picky", Ct))!.Status;
        var stalled = Conditions.Find(status, ConditionTypes.Stalled)!;
        Assert.Equal("SecretIncomplete", stalled.Reason);
        Assert.Equal("spec.secretName: Secret creds has no key 'token'", stalled.Message);
        Assert.Equal(ConditionStatus.False, Conditions.Find(status, ConditionTypes.Ready)!.Status);
        await KubeWait.UntilAsync<Eventsv1Event>(bed.Client, ResourcePath.Events(bed.Namespace),
            events => events.Values.Any(e => e.Regarding?.Name == "picky" && e.Reason == "SecretIncomplete" && e.Type == "Warning" && e.ReportingController == "ebops"),
            "a Warning event about picky is recorded", Ct);
        var attempts = runtime.Log.Reconciled.Count;

        // An unrelated Secret appearing does not wake it up; a change to the referenced one does.
        await bed.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "other" },
            StringData = new Dictionary<string, string> { ["token"] = "x" },
        }, bed.Namespace, cancellationToken: Ct);
        await bed.Client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("{\"stringData\":{\"token\":\"s3cr3t\"}}", V1Patch.PatchType.MergePatch), "creds",
            bed.Namespace, cancellationToken: Ct);
        await bed.Widgets.WaitAsync("picky", w => Conditions.IsTrue(w?.Status, ConditionTypes.Ready), "picky is Ready after the Secret was fixed", Ct);
        Assert.Equal(attempts + 1, runtime.Log.Reconciled.Count);
        var recovered = (await bed.Widgets.GetAsync("picky", Ct))!.Status!;
        Assert.Equal(ConditionStatus.False, Conditions.Find(recovered, ConditionTypes.Stalled)!.Status);
        Assert.Null(recovered.StalledReferences);

        // Nothing secret leaks into status or events.
        var everything = KubernetesJson.Serialize(await bed.Widgets.GetAsync("picky", Ct))
            + KubernetesJson.Serialize(await bed.Client.EventsV1.ListNamespacedEventAsync(bed.Namespace, cancellationToken: Ct));
        Assert.DoesNotContain("s3cr3t", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_that_loses_its_lease_stops_with_exit_code_1()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        var election = new Dictionary<string, string?>
        {
            ["Operator:LeaderElect"] = "true",
            ["Operator:LeaderElectionNamespace"] = bed.Namespace,
            ["Operator:LeaseDuration"] = "00:00:30",
            ["Operator:RenewDeadline"] = "00:00:01",
            ["Operator:RetryPeriod"] = "00:00:00.200",
        };
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct, election);
        await KubeWait.SignalAsync(runtime.Election.BecameLeader, "the replica leads", Ct);
        var exitCode = OperatorHost.ExitCode(runtime.App);
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.App.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        Assert.False(stopping.Task.IsCompleted);

        // Someone else takes the lease (as after a long pause of this process); a 409 means the leader renewed in
        // between, so read again (bounded by attempts, not by time).
        var taken = false;
        for (var attempt = 0; attempt < 100 && !taken; attempt++)
        {
            var lease = await bed.Client.CoordinationV1.ReadNamespacedLeaseAsync("ebops-leader", bed.Namespace, cancellationToken: Ct);
            lease.Spec.HolderIdentity = "usurper";
            lease.Spec.AcquireTime = lease.Spec.RenewTime = DateTime.UtcNow;
            try
            {
                await bed.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "ebops-leader", bed.Namespace, cancellationToken: Ct);
                taken = true;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
            }
        }

        Assert.True(taken, "the lease was taken over");
        await KubeWait.SignalAsync(stopping.Task, "the host is asked to stop", Ct);
        Assert.Equal(1, exitCode());
        Assert.False(runtime.Election.IsLeader);
    }

    [Fact]
    public async Task Kubectl_wait_for_condition_Ready_succeeds()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct);
        await bed.Widgets.CreateAsync("waited", Ct);

        var (code, output) = await KubectlAsync(bed, "wait", "--for=condition=Ready", "widgets.test.ebops.io/waited", "-n", bed.Namespace, "--timeout=60s");
        Assert.True(code == 0, output);
        Assert.Contains("condition met", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> KubectlAsync(RuntimeTestBed bed, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(bed.Kube.Kubeconfig);
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
}
