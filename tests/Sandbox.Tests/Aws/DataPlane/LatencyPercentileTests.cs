using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>
/// The response times behind EB's ApplicationMetrics Latency P10 … P999: the ALB measures each response on the
/// simulator's clock and keeps them in a histogram; a window's percentiles come from two snapshots.
/// </summary>
public sealed class LatencyPercentileTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_responses_between_two_snapshots()
    {
        var counters = new ProxyCounters();
        Record(counters, 100, TimeSpan.FromSeconds(3));
        var baseline = counters.Latencies.Snapshot();
        Record(counters, 990, TimeSpan.FromMilliseconds(10));
        Record(counters, 10, TimeSpan.FromSeconds(2));

        var window = counters.Latencies.Snapshot().Since(baseline);

        Assert.Equal(1000, window.Count);
        AssertNear(TimeSpan.FromMilliseconds(10), window.Percentile(0.10));
        AssertNear(TimeSpan.FromMilliseconds(10), window.Percentile(0.99));
        AssertNear(TimeSpan.FromSeconds(2), window.Percentile(0.999));
        AssertNear(TimeSpan.FromSeconds(3), counters.Latencies.Snapshot().Percentile(1));
        AssertNear(TimeSpan.FromSeconds(2), counters.Latencies.Snapshot().Percentile(0.905));
        Assert.Null(LatencyDistribution.Empty.Percentile(0.99));
        Assert.Equal(TimeSpan.Zero, Recorded(TimeSpan.Zero).Percentile(0.5));
    }

    /// <summary>196 immediate answers and four slow ones (1, 2, 3, 4 s on the fake clock): P99 is the 198th fastest.</summary>
    [Fact]
    public async Task Alb_measures_each_response_on_the_simulator_clock()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var rig = new DataPlaneRig(time);
        var behavior = InstanceBehavior.Healthy;
        var server = rig.Instance("i-slow", "1.0.0", () => Volatile.Read(ref behavior));
        var group = rig.Group("instances");
        group.Register(server.InstanceId, server.Endpoint);
        var alb = rig.Own(new AlbProxy("alb", time, idleTimeout: TimeSpan.FromMinutes(10)) { TargetGroup = group });
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        for (var i = 0; i < 196; i++)
        {
            await DataPlaneRig.GetAsync(client, alb.Endpoint, ct);
        }

        foreach (var seconds in new[] { 1, 2, 3, 4 })
        {
            var delay = TimeSpan.FromSeconds(seconds);
            Volatile.Write(ref behavior, InstanceBehavior.Slow(delay));
            var waiting = time.TimerCreatedAsync(delay);
            var answer = DataPlaneRig.GetAsync(client, alb.Endpoint, ct);
            await waiting;
            time.Advance(delay);
            await answer;
            Volatile.Write(ref behavior, InstanceBehavior.Healthy);
        }

        var latencies = alb.Counters.Latencies.Snapshot();
        Assert.Equal(200, latencies.Count);
        Assert.Equal(TimeSpan.Zero, latencies.Percentile(0.95));
        AssertNear(TimeSpan.FromSeconds(2), latencies.Percentile(0.99));
        AssertNear(TimeSpan.FromSeconds(4), latencies.Percentile(0.999));
        Assert.Equal(TimeSpan.FromMilliseconds(50), alb.Counters.AverageLatency);
    }

    private static void Record(ProxyCounters counters, int count, TimeSpan latency)
    {
        for (var i = 0; i < count; i++)
        {
            counters.Record(200, latency, fromLoadBalancer: false);
        }
    }

    private static LatencyDistribution Recorded(TimeSpan latency)
    {
        var counters = new ProxyCounters();
        Record(counters, 1, latency);
        return counters.Latencies.Snapshot();
    }

    /// <summary>A percentile is its bucket's upper bound: never below the measured time, at most 2 % above.</summary>
    private static void AssertNear(TimeSpan expected, TimeSpan? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected, expected * 1.02);
    }
}
