using Ebops.Sandbox.Load;
using Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

namespace Ebops.Sandbox.Tests.Load;

/// <summary>
/// Clients reaching an environment by its CNAME through the simulated resolver while the CNAMEs are swapped and blue is
/// terminated: what each kind of client sees follows from the TTL, JVM-style caching and kept-alive connections.
/// </summary>
public sealed class CnameResolutionTests
{
    private const string Live = "web-live.ap-northeast-2.elasticbeanstalk.com";

    [Fact]
    public async Task After_a_swap_clients_move_as_their_dns_cache_and_connections_allow()
    {
        await using var rig = new EbRig();
        var blue = await rig.LaunchAsync("web", "web-blue", "1.0.0", cnamePrefix: "web-live");
        await rig.LaunchAsync("web", "web-green", "1.0.1", cnamePrefix: "web-next");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        var resolver = SimulatedDnsResolver.ForEnvironmentCnames(rig.World);
        await using var load = new LoadGenerator(LoadTarget.Hostname(Live, resolver), new LoadOptions { Clients = 8, CacheDnsForeverFraction = 0.5 });
        Assert.Equal((4, 4, 4), load.Mix);
        await load.BurstAsync(1, TestContext.Current.CancellationToken);

        await rig.Call.CallAsync("SwapEnvironmentCNAMEs", ("SourceEnvironmentName", "web-blue"), ("DestinationEnvironmentName", "web-green"));
        var swapped = load.Timeline.Mark("swap");
        await load.BurstAsync(1, TestContext.Current.CancellationToken);
        rig.Time.Advance(TimeSpan.FromSeconds(60));
        var ttl = load.Timeline.Mark("ttl");
        await load.BurstAsync(1, TestContext.Current.CancellationToken);
        await rig.Call.CallAsync("TerminateEnvironment", ("EnvironmentId", blue));
        var terminated = load.Timeline.Mark("terminated");
        await load.BurstAsync(1, TestContext.Current.CancellationToken);
        var reconnected = load.Timeline.Mark("reconnected");
        await load.BurstAsync(1, TestContext.Current.CancellationToken);

        Assert.Equal(["1.0.0"], Answers(load, null, swapped, _ => true));
        Assert.Equal(["1.0.0"], Answers(load, swapped, ttl, _ => true));
        Assert.Equal(["1.0.1"], Answers(load, ttl, terminated, s => s.NewConnection && !s.CachesDnsForever));
        Assert.Equal(["1.0.0"], Answers(load, ttl, terminated, s => !s.NewConnection || s.CachesDnsForever));

        // Blue's ALB is gone: once reconnected (a kept-alive connection to it was reset), clients that honour the TTL
        // are on green, and those caching for ever fail.
        Assert.Equal(["1.0.1"], Answers(load, reconnected, null, s => !s.CachesDnsForever));
        Assert.Equal(["failed"], Answers(load, reconnected, null, s => s.CachesDnsForever));
        Assert.All(load.Timeline.Samples(reconnected).Where(s => s.CachesDnsForever), s => Assert.Equal(LoadFailure.Refused, s.Failure));
        Assert.Equal(12, resolver.Lookups);
    }

    // The distinct answers (a failure is "failed") of the samples in the window that match.
    private static string[] Answers(LoadGenerator load, TimeSpan? from, TimeSpan? to, Func<LoadSample, bool> which) =>
        [.. load.Timeline.Samples(from, to).Where(which).Select(s => s.Failed ? "failed" : s.Version!).Distinct().Order()];
}
