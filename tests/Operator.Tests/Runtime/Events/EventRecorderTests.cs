using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Tests.Runtime.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Events;

public sealed class EventRecorderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeEventSink sink = new();

    private EventRecorder Recorder(EventRecorderOptions? options = null) =>
        new(sink, options ?? new EventRecorderOptions { ReportingInstance = "ebops-abc" }, time, NullLogger<EventRecorder>.Instance);

    [Fact]
    public async Task A_new_event_names_the_object_and_the_reporter()
    {
        var widget = TestWidgets.Create("w");
        await Recorder().RecordAsync(widget, EventTypes.Normal, "Created", "Create", "created the widget", Ct);

        var created = Assert.Single(sink.Created);
        Assert.Equal("ebops", created.ReportingController);
        Assert.Equal("ebops-abc", created.ReportingInstance);
        Assert.Equal("w", created.Regarding.Name);
        Assert.Equal("Widget", created.Regarding.Kind);
        Assert.Equal(widget.Metadata.Uid, created.Regarding.Uid);
        Assert.Equal("default", created.Metadata.NamespaceProperty);
        Assert.StartsWith("w.", created.Metadata.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeats_update_the_series_instead_of_creating_events()
    {
        var recorder = Recorder();
        var widget = TestWidgets.Create("w");
        await recorder.RecordAsync(widget, EventTypes.Warning, "Throttled", "Reconcile", "AWS throttled", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(widget, EventTypes.Warning, "Throttled", "Reconcile", "AWS throttled", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(widget, EventTypes.Warning, "Throttled", "Reconcile", "AWS throttled", Ct);

        var created = Assert.Single(sink.Created);
        Assert.Equal([2, 3], sink.SeriesUpdates.Select(u => u.Count));
        Assert.All(sink.SeriesUpdates, u => Assert.Equal(created.Metadata.Name, u.Name));
        Assert.Equal(time.GetUtcNow(), sink.SeriesUpdates[^1].LastObserved);

        // A different note is a different event.
        await recorder.RecordAsync(widget, EventTypes.Warning, "Throttled", "Reconcile", "AWS throttled again", Ct);
        Assert.Equal(2, sink.Created.Count);
    }

    [Fact]
    public async Task A_repeat_after_the_window_starts_a_new_event()
    {
        var recorder = Recorder(new EventRecorderOptions { AggregationWindow = TimeSpan.FromMinutes(10) });
        var widget = TestWidgets.Create("w");
        await recorder.RecordAsync(widget, EventTypes.Normal, "Synced", "Reconcile", "in sync", Ct);
        time.Advance(TimeSpan.FromMinutes(11));
        await recorder.RecordAsync(widget, EventTypes.Normal, "Synced", "Reconcile", "in sync", Ct);
        Assert.Equal(2, sink.Created.Count);
        Assert.Empty(sink.SeriesUpdates);
    }

    [Fact]
    public async Task Writes_per_object_are_rate_limited()
    {
        var recorder = Recorder(new EventRecorderOptions { Burst = 3, RefillEvery = TimeSpan.FromMinutes(5) });
        var widget = TestWidgets.Create("w");
        for (var i = 0; i < 10; i++)
        {
            await recorder.RecordAsync(widget, EventTypes.Normal, "Step", "Reconcile", $"step {i}", Ct);
        }

        Assert.Equal(3, sink.Created.Count);
        time.Advance(TimeSpan.FromMinutes(5));
        await recorder.RecordAsync(widget, EventTypes.Normal, "Step", "Reconcile", "step 11", Ct);
        Assert.Equal(4, sink.Created.Count);

        // Another object has its own budget.
        await recorder.RecordAsync(TestWidgets.Create("other"), EventTypes.Normal, "Step", "Reconcile", "step 0", Ct);
        Assert.Equal(5, sink.Created.Count);
    }
}
