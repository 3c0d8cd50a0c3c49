using System.Net;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.ElasticBeanstalk;

namespace Ebops.Sandbox.Load;

/// <summary>
/// DNS for simulated names: an authority answers a host name with a loopback endpoint (for environment CNAMEs, the
/// environment's ALB listener, following SwapEnvironmentCNAMEs), and each client process keeps its own cache
/// (<see cref="CreateCache"/>) that honours the record's TTL on the simulator clock, or, like a JVM with
/// <c>networkaddress.cache.ttl=-1</c>, keeps the first answer for the life of the process.
/// </summary>
public sealed class SimulatedDnsResolver(Func<string, IPEndPoint?> authority, TimeProvider time, TimeSpan ttl)
{
    /// <summary>The TTL of an Elastic Beanstalk environment CNAME record (60 seconds).</summary>
    public static readonly TimeSpan EnvironmentCnameTtl = TimeSpan.FromSeconds(60);

    private long lookups;

    /// <summary>How long a cache keeps an answer (on <see cref="Time"/>).</summary>
    public TimeSpan Ttl { get; } = ttl;

    /// <summary>The clock the TTL runs on.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Questions that reached the authority (cache misses).</summary>
    public long Lookups => Interlocked.Read(ref lookups);

    /// <summary>
    /// Environment CNAMEs of <paramref name="world"/>'s Elastic Beanstalk simulation, with a TTL of
    /// <paramref name="ttl"/> (60 s by default) scaled like every other simulated duration.
    /// </summary>
    public static SimulatedDnsResolver ForEnvironmentCnames(SimWorld world, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var eb = ElasticBeanstalkState.For(world);
        return new SimulatedDnsResolver(eb.ResolveCname, world.Time, world.Timing.Of(ttl ?? EnvironmentCnameTtl));
    }

    /// <summary>A client process's cache; <paramref name="cacheForever"/> keeps the first answer for good.</summary>
    public DnsCache CreateCache(bool cacheForever = false) => new(this, cacheForever);

    /// <summary>Asks the authority (no cache); null when the name does not resolve.</summary>
    public IPEndPoint? Lookup(string host)
    {
        Interlocked.Increment(ref lookups);
        return authority(host);
    }
}
