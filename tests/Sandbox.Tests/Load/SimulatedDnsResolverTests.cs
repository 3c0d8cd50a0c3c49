using System.Net;
using Ebops.Sandbox.Load;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Load;

public sealed class SimulatedDnsResolverTests
{
    private static readonly IPEndPoint Blue = new(IPAddress.Loopback, 10001);
    private static readonly IPEndPoint Green = new(IPAddress.Loopback, 10002);

    [Fact]
    public void A_cache_keeps_an_answer_for_the_ttl_on_the_simulator_clock_and_a_jvm_style_cache_for_ever()
    {
        var time = new FakeTimeProvider();
        var records = new Dictionary<string, IPEndPoint> { ["web.example"] = Blue };
        var resolver = new SimulatedDnsResolver(h => records.GetValueOrDefault(h), time, TimeSpan.FromSeconds(60));
        var honouring = resolver.CreateCache();
        var forever = resolver.CreateCache(cacheForever: true);
        Assert.Equal((Blue, Blue), (honouring.Resolve("web.example"), forever.Resolve("web.example")));

        records["web.example"] = Green;
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal((Blue, Blue), (honouring.Resolve("WEB.example"), forever.Resolve("web.example")));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((Green, Blue), (honouring.Resolve("web.example"), forever.Resolve("web.example")));
        Assert.Equal(3, resolver.Lookups);
    }

    [Fact]
    public void Names_that_do_not_resolve_are_asked_again_every_time()
    {
        var records = new Dictionary<string, IPEndPoint>();
        var resolver = new SimulatedDnsResolver(h => records.GetValueOrDefault(h), new FakeTimeProvider(), TimeSpan.FromSeconds(60));
        var cache = resolver.CreateCache(cacheForever: true);
        Assert.Null(cache.Resolve("web.example"));

        records["web.example"] = Blue;

        Assert.Equal(Blue, cache.Resolve("web.example"));
        Assert.Equal(2, resolver.Lookups);
    }
}
