using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Tests.Aws.Support;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Aws.Core;

/// <summary>The retry backoff's jitter comes from the injected <see cref="AwsRetryJitter"/>: a seeded one makes the waits
/// (full jitter over 1 s, then 2 s) the seed's draws, the same on every run.</summary>
public sealed class RetryJitterTests
{
    private const string Throttled = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>";
    private const string Ok = "<CheckDNSAvailabilityResponse><CheckDNSAvailabilityResult><Available>true</Available></CheckDNSAvailabilityResult></CheckDNSAvailabilityResponse>";

    [Fact]
    public async Task A_seeded_jitter_draws_the_backoff_waits_so_they_repeat_from_run_to_run()
    {
        var first = await WaitsAsync(seed: 7);
        var second = await WaitsAsync(seed: 7);
        var other = await WaitsAsync(seed: 8);

        // Task.Delay arms its timer in whole milliseconds.
        var draws = new Random(7);
        Assert.Equal([TimeSpan.FromMilliseconds(Math.Floor(draws.NextDouble() * 1000)), TimeSpan.FromMilliseconds(Math.Floor(draws.NextDouble() * 2000))], first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Without_a_seed_the_jitter_is_the_shared_random_source()
    {
        var draws = Enumerable.Range(0, 100).Select(_ => AwsRetryJitter.Shared.NextDouble()).ToList();

        Assert.All(draws, d => Assert.InRange(d, 0, 1));
        Assert.True(draws.Distinct().Count() > 1, "the shared source draws different numbers");
    }

    /// <summary>One call throttled twice, then answered, on a fake clock moved by exactly each backoff wait.</summary>
    private static async Task<List<TimeSpan>> WaitsAsync(int seed)
    {
        var ct = TestContext.Current.CancellationToken;
        var attempts = 0;
        await using var server = new LoopbackAwsServer(_ => Interlocked.Increment(ref attempts) <= 2 ? ServerReply.Xml(Throttled, 400) : ServerReply.Xml(Ok));
        var clock = new WaitRecordingClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var aws = new TestAws(server.Url, time: clock, jitter: new AwsRetryJitter(seed));

        var call = aws.ElasticBeanstalk.CheckDNSAvailabilityAsync(new() { CNAMEPrefix = "x" }, ct);
        for (var retry = 0; retry < 2; retry++)
        {
            await KubeWait.SignalAsync(clock.Armed.WaitAsync(ct), $"backoff wait {retry + 1} is armed", ct);
            clock.Advance(clock.Waits.Last());
        }

        Assert.True((await call).Available);
        Assert.Equal(3, server.Requests.Count);
        return [.. clock.Waits];
    }
}
