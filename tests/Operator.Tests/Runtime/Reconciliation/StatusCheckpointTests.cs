using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Runtime.Support;
using Ebops.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

/// <summary>A status write in the middle of a reconcile (a release persists its phase before the AWS call of that phase).</summary>
public sealed class StatusCheckpointTests : IAsyncLifetime
{
    private readonly FakeResourceClient<Widget> api = new();
    private readonly ControllerHarness harness;
    private readonly CheckpointingController controller = new();

    public StatusCheckpointTests()
    {
        api.Put(ControllerHarness.Stored("w"));
        var services = new ServiceCollection();
        // What AddController registers for every kind.
        services.AddScoped<StatusCheckpoint<Widget>>();
        services.AddScoped<IStatusCheckpoint<Widget>>(p => p.GetRequiredService<StatusCheckpoint<Widget>>());
        var provider = services.BuildServiceProvider();
        harness = new ControllerHarness(scope => controller.With(scope.GetRequiredService<IStatusCheckpoint<Widget>>(), api),
            new TimerSignallingTimeProvider(ControllerHarness.Start), api, scopes: provider.GetRequiredService<IServiceScopeFactory>());
    }

    public ValueTask InitializeAsync() => new(harness.StartAsync());

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_checkpoint_is_stored_before_the_controller_acts_and_the_final_write_builds_on_it()
    {
        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());

        Assert.Equal("phase-1", controller.StoredWhenActing);
        var stored = api.Peek("default", "w")!;
        Assert.Equal("phase-1 done", stored.Status!.Note);
        Assert.Equal(1, stored.Status.ObservedGeneration);
        Assert.Equal(2, api.StatusWrites);
        // The final write carries the resourceVersion of the checkpoint's write, not the one read at the start.
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("GET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_changed_since_the_checkpoint_means_no_second_write()
    {
        controller.ChangeAfterActing = false;

        Assert.Equal(ReconcileOutcome.Done, await harness.ProcessAsync());

        Assert.Equal(1, api.StatusWrites);
        Assert.Equal("phase-1", api.Peek("default", "w")!.Status!.Note);
    }

    [Fact]
    public async Task A_checkpoint_on_a_stale_object_fails_with_a_conflict_and_the_controller_does_not_act()
    {
        // Another client changes the object while the reconcile runs (the watch has not told the cache yet).
        controller.BeforeSave = () => api.Edit("default", "w", json => json["metadata"]!["labels"] = new System.Text.Json.Nodes.JsonObject { ["x"] = "y" }, silently: true);

        Assert.Equal(ReconcileOutcome.Conflict, await harness.ProcessAsync());

        Assert.Null(controller.StoredWhenActing);
        Assert.Null(api.Peek("default", "w")!.Status?.Note);
    }

    [Fact]
    public async Task Outside_a_reconcile_the_checkpoint_refuses()
    {
        var unbound = new StatusCheckpoint<Widget>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => unbound.SaveAsync(ControllerHarness.Stored("w"), CancellationToken.None));
        Assert.Contains("inside a reconcile", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes a note, checkpoints, "acts" (records what the API holds then), and changes the note again.</summary>
    private sealed class CheckpointingController : IResourceController<Widget>
    {
        private IStatusCheckpoint<Widget>? checkpoint;
        private FakeResourceClient<Widget>? client;

        public string? StoredWhenActing { get; private set; }

        public bool ChangeAfterActing { get; set; } = true;

        public Action? BeforeSave { get; set; }

        public CheckpointingController With(IStatusCheckpoint<Widget> current, FakeResourceClient<Widget> api)
        {
            checkpoint = current;
            client = api;
            return this;
        }

        public async Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
        {
            entity.Status ??= new WidgetStatus();
            entity.Status.Note = "phase-1";
            BeforeSave?.Invoke();
            Assert.True(await checkpoint!.SaveAsync(entity, cancellationToken));
            Assert.False(await checkpoint.SaveAsync(entity, cancellationToken));
            StoredWhenActing = client!.Peek("default", entity.Metadata.Name)!.Status?.Note;
            if (ChangeAfterActing)
            {
                entity.Status.Note = "phase-1 done";
            }

            return ReconcileResult.Done;
        }

        public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);
    }
}
