using System.Net;

namespace Ebops.Sandbox.Load;

/// <summary>
/// One client process's DNS cache over a <see cref="SimulatedDnsResolver"/>: an answer is kept until its TTL runs out
/// on the resolver's clock, or for the life of the process when <see cref="CachesForever"/>. Names that do not
/// resolve are not cached.
/// </summary>
public sealed class DnsCache
{
    private readonly Lock gate = new();
    private readonly SimulatedDnsResolver resolver;
    private readonly Dictionary<string, (IPEndPoint Endpoint, DateTimeOffset Expires)> entries = new(StringComparer.OrdinalIgnoreCase);

    internal DnsCache(SimulatedDnsResolver resolver, bool cachesForever)
    {
        this.resolver = resolver;
        CachesForever = cachesForever;
    }

    public bool CachesForever { get; }

    /// <summary>The endpoint <paramref name="host"/> resolves to for this client; null when it does not resolve.</summary>
    public IPEndPoint? Resolve(string host)
    {
        var now = resolver.Time.GetUtcNow();
        lock (gate)
        {
            if (entries.TryGetValue(host, out var entry) && (CachesForever || now < entry.Expires))
            {
                return entry.Endpoint;
            }
        }

        var endpoint = resolver.Lookup(host);
        if (endpoint is not null)
        {
            lock (gate)
            {
                entries[host] = (endpoint, CachesForever ? DateTimeOffset.MaxValue : now + resolver.Ttl);
            }
        }

        return endpoint;
    }
}
