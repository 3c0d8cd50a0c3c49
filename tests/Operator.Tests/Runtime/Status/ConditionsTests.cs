using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Runtime.Support;
using Microsoft.Extensions.Time.Testing;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Status;

public sealed class ConditionsTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void LastTransitionTime_changes_only_when_the_status_flips()
    {
        var widget = TestWidgets.Create("w", generation: 3);
        Conditions.MarkReconciling(widget, time, "Creating", "creating the thing");
        var first = Conditions.Find(widget.Status, ConditionTypes.Ready)!.LastTransitionTime;

        time.Advance(TimeSpan.FromMinutes(1));
        Conditions.MarkReconciling(widget, time, "Waiting", "still creating");
        var ready = Conditions.Find(widget.Status, ConditionTypes.Ready)!;
        Assert.Equal(first, ready.LastTransitionTime);
        Assert.Equal("Waiting", ready.Reason);
        Assert.Equal("still creating", ready.Message);

        time.Advance(TimeSpan.FromMinutes(1));
        Conditions.MarkReady(widget, time);
        Assert.Equal(time.GetUtcNow(), Conditions.Find(widget.Status, ConditionTypes.Ready)!.LastTransitionTime);
        Assert.Equal(ConditionStatus.True, Conditions.Find(widget.Status, ConditionTypes.Ready)!.Status);
    }

    [Fact]
    public void Every_condition_carries_the_generation_it_was_computed_from()
    {
        var widget = TestWidgets.Create("w", generation: 7);
        Conditions.MarkStalled(widget, time, "InvalidSpec", "bad size");
        Assert.All(widget.Status!.Conditions!, c => Assert.Equal(7, c.ObservedGeneration));
        Assert.Equal(3, widget.Status.Conditions!.Count);

        widget.Metadata.Generation = 8;
        Conditions.MarkReady(widget, time);
        Assert.All(widget.Status.Conditions!, c => Assert.Equal(8, c.ObservedGeneration));
    }

    [Fact]
    public void Kstatus_helpers_set_the_trio_consistently()
    {
        var widget = TestWidgets.Create("w");
        Conditions.MarkStalled(widget, time, "InvalidSpec", "bad size");
        Assert.True(Conditions.IsTrue(widget.Status, ConditionTypes.Stalled));
        Assert.False(Conditions.IsTrue(widget.Status, ConditionTypes.Ready));
        Assert.False(Conditions.IsTrue(widget.Status, ConditionTypes.Reconciling));

        Conditions.MarkReconciling(widget, time, "Creating", "creating");
        Assert.Equal(ConditionStatus.False, Conditions.Find(widget.Status, ConditionTypes.Stalled)!.Status);
        Assert.True(Conditions.IsTrue(widget.Status, ConditionTypes.Reconciling));
        Assert.Equal(ConditionStatus.False, Conditions.Find(widget.Status, ConditionTypes.Ready)!.Status);
    }

    [Fact]
    public void Set_reports_whether_anything_changed()
    {
        var status = new ResourceStatus();
        Assert.True(Conditions.Set(status, "Ready", "False", "A", "m", 1, time.GetUtcNow()));
        Assert.False(Conditions.Set(status, "Ready", "False", "A", "m", 1, time.GetUtcNow()));
        Assert.True(Conditions.Set(status, "Ready", "False", "A", "m", 2, time.GetUtcNow()));
        Assert.True(Conditions.Remove(status, "Ready"));
        Assert.Empty(status.Conditions!);
    }
}
