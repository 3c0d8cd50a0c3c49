using Ebops.Operator.Entities;
using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Controllers;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Runtime.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Ebops.Operator.Tests.Runtime;

public sealed class ControllerServiceTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly ResourceKey Key = new("default", "w");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeResourceClient<Widget> api = new();
    private readonly FakeEventSink sink = new();
    private readonly SecretDependencyIndex secrets = new();
    private readonly ScriptedController controller;
    private readonly ControllerService<Widget> service;

    public ControllerServiceTests()
    {
        controller = new ScriptedController(time);
        var provider = new ServiceCollection().BuildServiceProvider();
        service = new ControllerService<Widget>(
            provider.GetRequiredService<IServiceScopeFactory>(),
            _ => controller,
            api,
            new FakeWatchSource<Widget>(),
            new EventRecorder(sink, new EventRecorderOptions { ReportingInstance = "test" }, time, NullLogger<EventRecorder>.Instance),
            secrets,
            new RuntimeMetrics(new CollectorRegistry()),
            new ControllerOptions(),
            time,
            NullLogger<ControllerService<Widget>>.Instance,
            random: () => 0);
        api.Put(Widget.Create("w", secret: "db-password"));
    }

    [Fact]
    public async Task Done_sets_status_once_and_forgets_the_key()
    {
        Assert.Equal("done", await service.ProcessAsync(Key, Ct));
        var stored = api.Peek("default", "w")!;
        Assert.True(Conditions.IsTrue(stored.Status, ConditionTypes.Ready));
        Assert.Equal(1, stored.Status!.ObservedGeneration);
        Assert.Equal(1, api.StatusWrites);

        // Nothing changed: a second reconcile reads but does not write status.
        Assert.Equal("done", await service.ProcessAsync(Key, Ct));
        Assert.Equal(1, api.StatusWrites);
        Assert.Equal(0, service.Queue.Delayed);
    }

    [Fact]
    public async Task The_finalizer_is_added_before_the_controller_runs()
    {
        controller.OnReconcile = w =>
        {
            Assert.Contains(Finalizers.Default, w.Metadata.Finalizers!);
            return ReconcileResult.Done;
        };
        await service.ProcessAsync(Key, Ct);
        Assert.Contains(Finalizers.Default, api.Peek("default", "w")!.Metadata.Finalizers!);
        var patch = api.Calls.First(c => c.StartsWith("PATCH w", StringComparison.Ordinal));
        Assert.Contains("\"resourceVersion\"", patch, StringComparison.Ordinal);
        Assert.Equal(1, controller.Reconciles);
    }

    [Fact]
    public async Task RequeueAfter_schedules_the_key()
    {
        controller.OnReconcile = _ => ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30), "waiting for AWS");
        Assert.Equal("requeue", await service.ProcessAsync(Key, Ct));
        Assert.Equal(1, service.Queue.Delayed);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, service.Queue.Depth);
    }

    [Fact]
    public async Task A_transient_error_backs_off_and_still_writes_status()
    {
        controller.OnReconcile = w =>
        {
            Conditions.MarkReconciling(w, time, "Creating", "creating");
            throw new TransientException("throttled");
        };
        Assert.Equal("error", await service.ProcessAsync(Key, Ct));
        Assert.Equal(1, service.Queue.NumRequeues(Key));
        Assert.Equal(1, api.StatusWrites);
        Assert.Equal(ConditionStatus.False, Conditions.Find(api.Peek("default", "w")!.Status, ConditionTypes.Ready)!.Status);

        controller.OnReconcile = _ => throw new InvalidOperationException("any other exception is transient too");
        Assert.Equal("error", await service.ProcessAsync(Key, Ct));
        Assert.Equal(2, service.Queue.NumRequeues(Key));

        controller.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal("done", await service.ProcessAsync(Key, Ct));
        Assert.Equal(0, service.Queue.NumRequeues(Key));
    }

    [Fact]
    public async Task A_terminal_error_stalls_until_the_generation_changes()
    {
        controller.OnReconcile = _ => throw new TerminalException("must be small, medium or large", "spec.size", "InvalidSpec");
        Assert.Equal("stalled", await service.ProcessAsync(Key, Ct));

        var stored = api.Peek("default", "w")!;
        var stalled = Conditions.Find(stored.Status, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionStatus.True, stalled.Status);
        Assert.Equal("InvalidSpec", stalled.Reason);
        Assert.Equal("spec.size: must be small, medium or large", stalled.Message);
        Assert.Equal(0, service.Queue.Delayed);
        var warning = Assert.Single(sink.Created);
        Assert.Equal(EventTypes.Warning, warning.Type);
        Assert.Equal("InvalidSpec", warning.Reason);

        // Resync or a status-only change: not retried.
        Assert.Equal("stalled_skipped", await service.ProcessAsync(Key, Ct));
        Assert.Equal(1, controller.Reconciles);

        api.EditSpec("default", "w", "medium");
        controller.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal("done", await service.ProcessAsync(Key, Ct));
        Assert.Equal(2, controller.Reconciles);
        Assert.Equal(ConditionStatus.False, Conditions.Find(api.Peek("default", "w")!.Status, ConditionTypes.Stalled)!.Status);
    }

    [Fact]
    public async Task A_terminal_error_is_retried_when_a_referenced_secret_changes()
    {
        controller.OnReconcile = _ => throw new TerminalException("password rejected");
        await service.ProcessAsync(Key, Ct);
        Assert.Equal([Key], secrets.DependentsOf(new ResourceKey("default", "db-password")));
        Assert.Equal("stalled_skipped", await service.ProcessAsync(Key, Ct));

        secrets.SecretChanged(new ResourceKey("default", "unrelated"));
        Assert.Equal(0, service.Queue.Depth);
        secrets.SecretChanged(new ResourceKey("default", "db-password"));
        Assert.Equal(1, service.Queue.Depth);

        controller.OnReconcile = _ => ReconcileResult.Done;
        Assert.Equal("done", await service.ProcessAsync(Key, Ct));
        Assert.Equal(2, controller.Reconciles);
    }

    [Fact]
    public async Task Deletion_runs_the_finalizer_and_removes_it_only_when_cleanup_is_done()
    {
        await service.ProcessAsync(Key, Ct);
        api.Delete("default", "w");
        Assert.NotNull(api.Peek("default", "w"));

        controller.OnFinalize = _ => ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(10), "still deleting");
        Assert.Equal("requeue", await service.ProcessAsync(Key, Ct));
        Assert.Contains(Finalizers.Default, api.Peek("default", "w")!.Metadata.Finalizers!);

        controller.OnFinalize = _ => ReconcileResult.Done;
        Assert.Equal("finalized", await service.ProcessAsync(Key, Ct));
        Assert.Null(api.Peek("default", "w"));
        Assert.Equal(2, controller.Finalizes);
        Assert.Equal(1, controller.Reconciles);
        Assert.Empty(secrets.DependentsOf(new ResourceKey("default", "db-password")));
    }

    [Fact]
    public async Task A_missing_object_ends_quietly()
    {
        Assert.Equal("not_found", await service.ProcessAsync(new ResourceKey("default", "gone"), Ct));
        Assert.Equal(0, controller.Reconciles);
        Assert.Equal(0, service.Queue.Delayed);
        Assert.Equal(["GET gone"], api.Calls);
    }

    private sealed class ScriptedController(TimeProvider time) : IResourceController<Widget>, ISecretReferences<Widget>
    {
        public Func<Widget, ReconcileResult> OnReconcile { get; set; } = w =>
        {
            Conditions.MarkReady(w, time);
            return ReconcileResult.Done;
        };

        public Func<Widget, ReconcileResult> OnFinalize { get; set; } = _ => ReconcileResult.Done;

        public int Reconciles { get; private set; }

        public int Finalizes { get; private set; }

        public Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
        {
            Reconciles++;
            return Task.FromResult(OnReconcile(entity));
        }

        public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken)
        {
            Finalizes++;
            return Task.FromResult(OnFinalize(entity));
        }

        public IEnumerable<string> GetReferencedSecrets(Widget entity) => entity.Spec.SecretName is { } name ? [name] : [];
    }
}
