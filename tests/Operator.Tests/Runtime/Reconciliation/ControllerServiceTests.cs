using Ebops.Operator.Entities;
using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Runtime.Support;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

/// <summary>The reconcile loop of one kind over a fake API and a real informer: outcomes, finalizers, stalls.</summary>
public sealed class ControllerServiceTests : IAsyncLifetime
{
    private static readonly ResourceKey Key = new("default", "w");
    private readonly ScriptedController controller;
    private readonly ControllerHarness harness;

    public ControllerServiceTests()
    {
        var api = new FakeResourceClient<Widget>();
        api.Put(ControllerHarness.Stored("w", secret: "db-password"));
        var time = new TimerSignallingTimeProvider(ControllerHarness.Start);
        controller = new ScriptedController(time);
        harness = new ControllerHarness(controller, time, api);
    }

    private FakeResourceClient<Widget> Api => harness.Api;

    public ValueTask InitializeAsync() => new(harness.StartAsync());

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Done_sets_status_once_and_forgets_the_key()
    {
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        var stored = Api.Peek("default", "w")!;
        Assert.True(Conditions.IsTrue(stored.Status, ConditionTypes.Ready));
        Assert.Equal(1, stored.Status!.ObservedGeneration);
        Assert.Equal(1, Api.StatusWrites);

        // Nothing changed: a second reconcile neither reads from nor writes to the API.
        await harness.SettledAsync();
        Api.Calls.Clear();
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Empty(Api.Calls);
        Assert.Equal(0, harness.Service.Queue.Delayed);
    }

    [Fact]
    public async Task A_reconcile_before_the_watch_delivered_our_own_write_reads_live()
    {
        harness.HoldWatch();
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Equal(2, Api.Calls.Count);

        // The cache still holds the object without our finalizer and status: acting on it would be acting on the past.
        Api.Calls.Clear();
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Equal(["GET w"], Api.Calls);

        harness.ReleaseWatch();
        await harness.SettledAsync();
        Api.Calls.Clear();
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Empty(Api.Calls);
    }

    [Fact]
    public async Task A_status_write_from_a_stale_cache_conflicts_requeues_at_once_and_reads_live_once()
    {
        await harness.ProcessAsync();
        await harness.SettledAsync();
        await harness.DrainQueueAsync();

        // Someone else changes the object; the watch has not told us yet.
        harness.HoldWatch();
        Api.Edit("default", "w", json => json["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["team"] = "web" });
        controller.OnReconcile = w =>
        {
            w.Status!.Note = "changed";
            return ReconcileResult.Done;
        };
        Api.Calls.Clear();
        Assert.Equal(ReconcileOutcome.Conflict, await harness.ProcessAsync());
        Assert.StartsWith("PATCH-STATUS w", Assert.Single(Api.Calls), StringComparison.Ordinal);
        Assert.Equal(1, harness.Service.Queue.Depth);
        Assert.Equal(0, harness.Service.Queue.NumRequeues(Key));

        Api.Calls.Clear();
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Equal(2, Api.Calls.Count);
        Assert.Equal("GET w", Api.Calls[0]);
        Assert.StartsWith("PATCH-STATUS w", Api.Calls[1], StringComparison.Ordinal);
        var stored = Api.Peek("default", "w")!;
        Assert.Equal("changed", stored.Status!.Note);
        Assert.Equal("web", stored.Metadata.Labels!["team"]);
    }

    [Fact]
    public async Task The_finalizer_is_added_before_the_controller_runs_with_the_resource_version_read()
    {
        controller.OnReconcile = w =>
        {
            Assert.Contains(Finalizers.Default, w.Metadata.Finalizers!);
            return ReconcileResult.Done;
        };
        await harness.ProcessAsync();
        Assert.Contains(Finalizers.Default, Api.Peek("default", "w")!.Metadata.Finalizers!);
        var patch = Api.Calls.First(c => c.StartsWith("PATCH w", StringComparison.Ordinal));
        Assert.Contains("\"resourceVersion\"", patch, StringComparison.Ordinal);
        Assert.Equal(1, controller.Reconciles);
    }

    [Fact]
    public async Task RequeueAfter_schedules_the_key()
    {
        controller.OnReconcile = _ => ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30), "waiting for AWS");
        var timer = harness.Time.NextTimer;
        Assert.Equal(ReconcileOutcome.Requeued, await harness.ProcessAsync());
        Assert.Equal(TimeSpan.FromSeconds(30), await timer.WaitAsync(TestContext.Current.CancellationToken));
        await harness.SettledAsync();
        await harness.DrainQueueAsync();
        Assert.Equal(1, harness.Service.Queue.Delayed);
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, harness.Service.Queue.Depth);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, harness.Service.Queue.Depth);
    }

    [Fact]
    public async Task A_transient_error_backs_off_and_still_writes_status()
    {
        controller.OnReconcile = w =>
        {
            Conditions.MarkReconciling(w, harness.Time, "Creating", "creating");
            throw new TransientException("throttled");
        };
        Assert.Equal(ReconcileOutcome.Failed, await harness.ProcessAsync());
        Assert.Equal(1, harness.Service.Queue.NumRequeues(Key));
        Assert.Equal(1, Api.StatusWrites);
        Assert.Equal(ConditionStatus.False, Conditions.Find(Api.Peek("default", "w")!.Status, ConditionTypes.Ready)!.Status);

        controller.OnReconcile = _ => throw new InvalidOperationException("any other exception is transient too");
        Assert.Equal(ReconcileOutcome.Failed, await harness.ProcessAsync());
        Assert.Equal(2, harness.Service.Queue.NumRequeues(Key));

        controller.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Equal(0, harness.Service.Queue.NumRequeues(Key));
    }

    [Fact]
    public async Task A_terminal_error_stalls_until_the_generation_changes()
    {
        controller.OnReconcile = _ => throw new TerminalException("must be between 1 and 10", "spec.size", "InvalidSpec");
        Assert.Equal(ReconcileOutcome.Stalled, await harness.ProcessAsync());

        var stored = Api.Peek("default", "w")!;
        var stalled = Conditions.Find(stored.Status, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionStatus.True, stalled.Status);
        Assert.Equal("InvalidSpec", stalled.Reason);
        Assert.Equal("spec.size: must be between 1 and 10", stalled.Message);
        Assert.NotNull(stored.Status!.StalledReferences);
        Assert.Equal(0, harness.Service.Queue.Delayed);
        var warning = Assert.Single(harness.Sink.Created);
        Assert.Equal(EventTypes.Warning, warning.Type);
        Assert.Equal("InvalidSpec", warning.Reason);

        // Resync or a status-only change: not retried, and no request at all.
        await harness.SettledAsync();
        Api.Calls.Clear();
        Assert.Equal(ReconcileOutcome.StalledSkipped, await harness.ProcessAsync());
        Assert.Equal(1, controller.Reconciles);
        Assert.Empty(Api.Calls);

        Api.EditSpec("default", "w", 5);
        await harness.SettledAsync();
        controller.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
        Assert.Equal(2, controller.Reconciles);
        var recovered = Api.Peek("default", "w")!.Status!;
        Assert.Equal(ConditionStatus.False, Conditions.Find(recovered, ConditionTypes.Stalled)!.Status);
        Assert.Null(recovered.StalledReferences);
    }

    [Fact]
    public async Task A_stall_survives_a_restart_until_a_referenced_secret_changes()
    {
        await harness.PutSecretAsync("db-password", "7");
        controller.OnReconcile = _ => throw new TerminalException("password rejected");
        Assert.Equal(ReconcileOutcome.Stalled, await harness.ProcessAsync());
        Assert.Equal([Key], harness.Dependencies.DependentsOf("Secret", new ResourceKey("default", "db-password")));

        // A new process: nothing in memory, the same objects in the API and the same Secret.
        var fresh = new ScriptedController(harness.Time);
        await using var restarted = new ControllerHarness(fresh, harness.Time, Api);
        await restarted.StartAsync();
        await restarted.PutSecretAsync("db-password", "7");
        await restarted.DrainQueueAsync();
        Assert.Equal(ReconcileOutcome.StalledSkipped, await restarted.ProcessAsync());
        Assert.Equal(0, fresh.Reconciles);

        // An unrelated Secret does not wake it; a change to the referenced one re-queues it and the retry runs.
        await restarted.PutSecretAsync("unrelated", "8");
        Assert.Equal(0, restarted.Service.Queue.Depth);
        await restarted.PutSecretAsync("db-password", "9");
        Assert.Equal(1, restarted.Service.Queue.Depth);
        fresh.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal(ReconcileOutcome.Done, await restarted.ProcessAsync());
        Assert.Equal(1, fresh.Reconciles);
    }

    [Fact]
    public async Task A_referenced_secret_appearing_after_the_stall_retries_it()
    {
        controller.OnReconcile = _ => throw new TerminalException("Secret db-password not found");
        Assert.Equal(ReconcileOutcome.Stalled, await harness.ProcessAsync());
        await harness.SettledAsync();
        await harness.DrainQueueAsync();

        await harness.PutSecretAsync("db-password", "11");
        Assert.Equal(1, harness.Service.Queue.Depth);
        controller.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());
    }

    [Fact]
    public async Task A_change_to_an_owned_secret_requeues_its_owner()
    {
        await harness.ProcessAsync();
        await harness.SettledAsync();
        await harness.DrainQueueAsync();
        var owner = Api.Peek("default", "w")!;

        await harness.PutSecretAsync("w-connection", "20", owner: new k8s.Models.V1OwnerReference
        {
            ApiVersion = owner.ApiVersion, Kind = "Widget", Name = "w", Uid = owner.Metadata.Uid, Controller = true,
        });
        Assert.Equal(1, harness.Service.Queue.Depth);
    }

    [Fact]
    public async Task Deletion_runs_the_finalizer_and_removes_it_only_when_cleanup_is_done()
    {
        await harness.ProcessAsync();
        Api.Delete("default", "w");
        await harness.SettledAsync();
        Assert.NotNull(Api.Peek("default", "w"));

        controller.OnFinalize = _ => ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(10), "still deleting");
        Assert.Equal(ReconcileOutcome.Requeued, await harness.ProcessAsync());
        Assert.Contains(Finalizers.Default, Api.Peek("default", "w")!.Metadata.Finalizers!);

        controller.OnFinalize = _ => ReconcileResult.Done;
        Assert.Equal(ReconcileOutcome.Finalized, await harness.ProcessAsync());
        Assert.Null(Api.Peek("default", "w"));
        Assert.Equal(2, controller.Finalizes);
        Assert.Equal(1, controller.Reconciles);
        Assert.Empty(harness.Dependencies.DependentsOf("Secret", new ResourceKey("default", "db-password")));
    }

    [Fact]
    public async Task A_missing_object_ends_quietly_without_a_request()
    {
        Assert.Equal(ReconcileOutcome.NotFound, await harness.ProcessAsync("gone"));
        Assert.Equal(0, controller.Reconciles);
        Assert.Equal(0, harness.Service.Queue.Delayed);
        Assert.Empty(Api.Calls);
    }
}
