using Ebops.Sandbox.Load;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Load;

/// <summary>The timeline's buckets and summaries, on a fake clock (its own arithmetic, not the load's timing).</summary>
public sealed class LoadTimelineTests
{
    [Fact]
    public void Buckets_count_answers_by_version_and_failures_per_second()
    {
        var clock = new FakeTimeProvider();
        var timeline = new LoadTimeline(clock);
        Request(timeline, clock, TimeSpan.FromMilliseconds(100), 200, "1.0.0");
        Request(timeline, clock, TimeSpan.FromMilliseconds(500), 200, "1.0.0");
        Request(timeline, clock, TimeSpan.FromMilliseconds(600), 502, null);
        Request(timeline, clock, TimeSpan.FromMilliseconds(900), 200, "1.0.1");

        var buckets = timeline.Buckets();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1)], buckets.Select(b => b.Start));
        // Requests start at 0, 0.1, 0.6 and 1.2 s (each starts when the previous one ends).
        Assert.Equal((2, 0, 1), (buckets[0].ByVersion["1.0.0"], buckets[0].ByVersion.GetValueOrDefault("1.0.1"), buckets[0].Failed));
        Assert.Equal((0, 1, 0), (buckets[1].ByVersion.GetValueOrDefault("1.0.0"), buckets[1].ByVersion["1.0.1"], buckets[1].Failed));
    }

    [Fact]
    public void Summary_counts_failures_by_kind_versions_with_first_and_last_answer_and_latency_percentiles()
    {
        var clock = new FakeTimeProvider();
        var timeline = new LoadTimeline(clock);
        for (var i = 1; i <= 100; i++)
        {
            Request(timeline, clock, TimeSpan.FromMilliseconds(i), 200, i <= 60 ? "1.0.0" : "1.0.1");
        }

        var mark = timeline.Mark("switch");
        timeline.Record(0, timeline.Now, 0, LoadFailure.Refused, null, newConnection: true, cachesDnsForever: false);
        timeline.Record(0, timeline.Now, 503, LoadFailure.HttpStatus, null, newConnection: false, cachesDnsForever: false);

        var all = timeline.Summarize();
        Assert.Equal((102L, 2L), (all.Total, all.Failed));
        Assert.Equal(2.0 / 102, all.FailedRate);
        Assert.Equal(new Dictionary<LoadFailure, long> { [LoadFailure.Refused] = 1, [LoadFailure.HttpStatus] = 1 }, all.FailuresByKind);
        Assert.Equal(["1.0.0", "1.0.1"], all.Versions.Select(v => v.Version));
        Assert.Equal((60L, 40L), (all.CountOf("1.0.0"), all.CountOf("1.0.1")));
        Assert.True(all.Versions[0].LastAt < all.Versions[1].FirstAt);
        var answered = timeline.Summarize(to: mark);
        Assert.Equal((TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(99)), (answered.P50, answered.P99));
        Assert.Equal([new LoadMark("switch", mark)], timeline.Marks());
        Assert.Equal(2, timeline.Samples(from: mark).Count);
    }

    [Fact]
    public async Task WhenRecordedAsync_completes_once_the_count_is_reached()
    {
        var timeline = new LoadTimeline(new FakeTimeProvider());
        var two = timeline.WhenRecordedAsync(2);

        timeline.Record(0, timeline.Now, 200, LoadFailure.None, "1.0.0", false, false);
        Assert.False(two.IsCompleted);
        timeline.Record(0, timeline.Now, 200, LoadFailure.None, "1.0.0", false, false);

        await two;
        Assert.True(timeline.WhenRecordedAsync(1).IsCompleted);
    }

    // A request that starts at the current time, takes `latency` and is answered with `status`.
    private static void Request(LoadTimeline timeline, FakeTimeProvider clock, TimeSpan latency, int status, string? version)
    {
        var started = timeline.Now;
        clock.Advance(latency);
        timeline.Record(0, started, status, status == 200 ? LoadFailure.None : LoadFailure.HttpStatus, version, newConnection: false, cachesDnsForever: false);
    }
}
