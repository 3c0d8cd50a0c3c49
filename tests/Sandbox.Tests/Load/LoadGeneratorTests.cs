using System.Net;
using Ebops.Sandbox.Aws.DataPlane;
using Ebops.Sandbox.Load;
using Ebops.Sandbox.Tests.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Load;

/// <summary>The load generator against simulated instances: what it records, never how fast.</summary>
public sealed class LoadGeneratorTests
{
    [Fact]
    public async Task A_burst_records_every_request_with_the_version_that_answered()
    {
        await using var instance = new InstanceServer("i-0123456789abcdef0", "1.0.0");
        await using var load = new LoadGenerator(LoadTarget.Endpoint(instance.Endpoint), new LoadOptions { Clients = 4 });

        await load.BurstAsync(3, TestContext.Current.CancellationToken);

        Assert.Equal((2, 2, 0), load.Mix);
        var samples = load.Timeline.Samples();
        Assert.Equal(12, samples.Count);
        Assert.All(samples, s => Assert.Equal((200, LoadFailure.None, "1.0.0"), (s.Status, s.Failure, s.Version)));
        Assert.Equal(6, samples.Count(s => s.NewConnection));
        Assert.Equal([0, 1, 2, 3], samples.Select(s => s.Client).Distinct().Order());
        Assert.Equal(12, instance.RequestCount);
    }

    [Fact]
    public async Task A_refusing_instance_fails_every_request_as_a_reset_connection()
    {
        await using var instance = new InstanceServer("i-0123456789abcdef0", "1.0.0", () => InstanceBehavior.Refuse);
        await using var load = new LoadGenerator(LoadTarget.Endpoint(instance.Endpoint), new LoadOptions { Clients = 2 });

        await load.BurstAsync(2, TestContext.Current.CancellationToken);

        var summary = load.Timeline.Summarize();
        Assert.Equal((4L, 4L), (summary.Total, summary.Failed));
        Assert.Equal([LoadFailure.Reset], summary.FailuresByKind.Keys);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_fails_as_dns()
    {
        var resolver = new SimulatedDnsResolver(_ => null, new FakeTimeProvider(), TimeSpan.FromSeconds(60));
        await using var load = new LoadGenerator(LoadTarget.Hostname("nowhere.elasticbeanstalk.com", resolver), new LoadOptions { Clients = 2 });

        await load.BurstAsync(1, TestContext.Current.CancellationToken);

        Assert.All(load.Timeline.Samples(), s => Assert.Equal((0, LoadFailure.Dns), (s.Status, s.Failure)));
        Assert.Equal(2, resolver.Lookups);
    }

    [Fact]
    public async Task Each_client_sends_its_share_of_the_rate_and_does_not_burst_to_catch_up()
    {
        // 4 clients at 40 requests/s: each sends every 100 ms, client i first after i * 25 ms.
        var clock = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var instance = new InstanceServer("i-0123456789abcdef0", "1.0.0");
        await using var load = new LoadGenerator(LoadTarget.Endpoint(instance.Endpoint), new LoadOptions { Clients = 4, RequestsPerSecond = 40 }, clock);
        // Every client waits on the clock before it is moved (clients 1-3 for their first slot, client 0 for its second,
        // after its first request): a timer created after the move would be due after it and never fire.
        var waiting = Task.WhenAll(new[] { 25, 50, 75, 100 }.Select(ms => clock.TimerCreatedAsync(TimeSpan.FromMilliseconds(ms))));

        load.Start();
        await load.Timeline.WhenRecordedAsync(1);
        await waiting;
        clock.Advance(TimeSpan.FromSeconds(10));
        await load.Timeline.WhenRecordedAsync(5);
        await load.StopAsync();

        // Client 0 sent at once; ten seconds later each client sends the request it was due, not the hundred it missed.
        Assert.Equal(5, load.Timeline.Count);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        var target = LoadTarget.Endpoint(new IPEndPoint(IPAddress.Loopback, 80));

        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadGenerator(target, new LoadOptions { Clients = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadGenerator(target, new LoadOptions { KeepAliveFraction = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadGenerator(target, new LoadOptions { RequestsPerSecond = 0 }));
    }
}
