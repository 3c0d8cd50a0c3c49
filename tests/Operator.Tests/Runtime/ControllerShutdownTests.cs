using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Controllers;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Tests.Runtime.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Ebops.Operator.Tests.Runtime;

/// <summary>Stop: no new work is taken, in-flight reconciles finish within the deadline, then they are cancelled.</summary>
public sealed class ControllerShutdownTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeResourceClient<Widget> api = new();
    private readonly FakeWatchSource<Widget> source = new();
    private readonly BlockingController controller = new();
    private readonly ControllerService<Widget> service;

    public ControllerShutdownTests()
    {
        service = new ControllerService<Widget>(
            new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            _ => controller,
            api,
            source,
            new EventRecorder(new FakeEventSink(), new EventRecorderOptions(), time, NullLogger<EventRecorder>.Instance),
            new SecretDependencyIndex(),
            new RuntimeMetrics(new CollectorRegistry()),
            new ControllerOptions { Workers = 1 },
            time,
            NullLogger<ControllerService<Widget>>.Instance,
            random: () => 0);
        foreach (var name in new[] { "a", "b" })
        {
            var widget = Widget.Create(name);
            api.Put(widget);
            source.Items.Add(widget);
        }
    }

    [Fact]
    public async Task Stop_waits_for_the_reconcile_in_flight_and_takes_no_new_key()
    {
        service.Start();
        var first = await controller.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var stop = service.StopAsync(TimeSpan.FromSeconds(30));
        Assert.False(stop.IsCompleted);
        controller.Release.TrySetResult();

        Assert.True(await stop.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal([first], controller.Completed);
        Assert.False(controller.Cancelled);
        // The one worker never took the second key.
        Assert.Single(controller.Entered);
    }

    [Fact]
    public async Task Stop_cancels_the_reconcile_in_flight_at_the_deadline()
    {
        service.Start();
        await controller.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var stop = service.StopAsync(TimeSpan.FromSeconds(30));
        // The deadline runs on the fake clock: step it until the stop gives up (it cannot finish any other way).
        var advanced = TimeSpan.Zero;
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!stop.IsCompleted && DateTime.UtcNow < until)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.Yield();
        }

        Assert.False(await stop.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"gave up after {advanced}");
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
