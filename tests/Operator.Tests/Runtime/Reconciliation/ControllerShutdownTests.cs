using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Tests.Runtime.Support;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

/// <summary>Stop: no new work is taken, in-flight reconciles finish within the deadline, then they are cancelled.</summary>
public sealed class ControllerShutdownTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly BlockingController controller = new();
    private readonly ControllerHarness harness;

    public ControllerShutdownTests()
    {
        var api = new FakeResourceClient<Widget>();
        api.Put(ControllerHarness.Stored("a"));
        api.Put(ControllerHarness.Stored("b"));
        harness = new ControllerHarness(controller, new TimerSignallingTimeProvider(ControllerHarness.Start), api, new ControllerOptions { Workers = 1 });
    }

    public ValueTask InitializeAsync() => new(harness.StartAsync(keepQueuedKeys: true));

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Stop_waits_for_the_reconcile_in_flight_and_takes_no_new_key()
    {
        harness.Service.Start();
        var first = await controller.Started.Task.WaitAsync(Ct);

        var stop = harness.Service.StopAsync(TimeSpan.FromSeconds(30));
        Assert.False(stop.IsCompleted);
        controller.Release.TrySetResult();

        Assert.True(await stop.WaitAsync(Ct));
        Assert.Equal([first], controller.Completed);
        Assert.False(controller.Cancelled);
        // The one worker never took the second key.
        Assert.Single(controller.Entered);
    }

    [Fact]
    public async Task Stop_cancels_the_reconcile_in_flight_at_the_deadline()
    {
        harness.Service.Start();
        await controller.Started.Task.WaitAsync(Ct);

        // The deadline's timer is created before StopAsync returns (the queue's shutdown starts synchronously), so the
        // fake clock can be moved exactly to it: one tick short changes nothing, the deadline itself cancels.
        var deadline = harness.Time.NextTimer;
        var stop = harness.Service.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), await deadline.WaitAsync(Ct));
        harness.Time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.False(stop.IsCompleted);
        harness.Time.Advance(TimeSpan.FromTicks(1));

        Assert.False(await stop.WaitAsync(Ct));
        Assert.True(controller.Cancelled);
        Assert.Empty(controller.Completed);
    }

    private sealed class BlockingController : IResourceController<Widget>
    {
        public TaskCompletionSource<string> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<string> Entered { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<string> Completed { get; } = new();

        public bool Cancelled { get; private set; }

        public async Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
        {
            Entered.Enqueue(entity.Metadata.Name);
            Started.TrySetResult(entity.Metadata.Name);
            try
            {
                await Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            Completed.Enqueue(entity.Metadata.Name);
            return ReconcileResult.Done;
        }

        public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);
    }
}
