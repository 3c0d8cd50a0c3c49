using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

public sealed class WriteTrackerTests
{
    private static readonly ResourceKey Key = new("default", "w");

    [Fact]
    public void Overlapping_writes_keep_the_versions_the_watch_delivered_until_the_last_one_ends()
    {
        var tracker = new WriteTracker();
        tracker.BeginWrite(Key);
        tracker.BeginWrite(Key);
        tracker.Observe(Key, "5", fromList: false);
        tracker.EndWrite(Key, null);
        tracker.EndWrite(Key, "5");
        tracker.Observe(Key, "6", fromList: false);
        Assert.True(tracker.IsCaughtUp(Key, "6"));
    }

    [Fact]
    public void The_cache_is_behind_until_the_watch_delivers_our_write()
    {
        var tracker = new WriteTracker();
        tracker.BeginWrite(Key);
        tracker.EndWrite(Key, "12");
        Assert.False(tracker.IsCaughtUp(Key, "11"));
        tracker.Observe(Key, "12", fromList: false);
        Assert.True(tracker.IsCaughtUp(Key, "12"));
    }

    [Fact]
    public void An_event_that_arrives_before_the_write_returns_counts()
    {
        var tracker = new WriteTracker();
        tracker.BeginWrite(Key);
        tracker.Observe(Key, "12", fromList: false);
        tracker.Observe(Key, "13", fromList: false);
        tracker.EndWrite(Key, "12");
        // The cache already moved past our write (13): it is not behind.
        Assert.True(tracker.IsCaughtUp(Key, "13"));
    }

    [Fact]
    public void A_cache_holding_exactly_our_write_is_caught_up_and_a_relist_or_a_delete_ends_the_wait()
    {
        var tracker = new WriteTracker();
        tracker.BeginWrite(Key);
        tracker.EndWrite(Key, "12");
        Assert.True(tracker.IsCaughtUp(Key, "12"));

        tracker.BeginWrite(Key);
        tracker.EndWrite(Key, "14");
        tracker.Observe(Key, "20", fromList: true);
        Assert.True(tracker.IsCaughtUp(Key, "20"));

        tracker.BeginWrite(Key);
        tracker.EndWrite(Key, "21");
        tracker.Observe(Key, null, fromList: false);
        Assert.True(tracker.IsCaughtUp(Key, null));
    }

    [Fact]
    public void A_failed_write_leaves_nothing_to_wait_for()
    {
        var tracker = new WriteTracker();
        tracker.BeginWrite(Key);
        tracker.EndWrite(Key, null);
        Assert.True(tracker.IsCaughtUp(Key, "5"));
    }
}
