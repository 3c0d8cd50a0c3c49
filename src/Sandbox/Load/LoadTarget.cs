using System.Net;

namespace Ebops.Sandbox.Load;

/// <summary>
/// Where the load goes: a fixed loopback endpoint (an NLB listener's stable port, an ALB listener), or a host name that
/// every client resolves through its own cache of a <see cref="SimulatedDnsResolver"/> each time it opens a connection.
/// </summary>
public sealed class LoadTarget
{
    private readonly IPEndPoint? endpoint;

    private LoadTarget(string host, int port, IPEndPoint? endpoint, SimulatedDnsResolver? resolver)
    {
        Host = host;
        Port = port;
        this.endpoint = endpoint;
        Resolver = resolver;
    }

    /// <summary>The host the requests name (and clients resolve, for a host-name target).</summary>
    public string Host { get; }

    public int Port { get; }

    /// <summary>The resolver of a host-name target; null for a fixed endpoint.</summary>
    public SimulatedDnsResolver? Resolver { get; }

    public static LoadTarget Endpoint(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new LoadTarget(endpoint.Address.ToString(), endpoint.Port, endpoint, null);
    }

    /// <summary>A host name (an environment CNAME) resolved through <paramref name="resolver"/>; port 80 by default.</summary>
    public static LoadTarget Hostname(string host, SimulatedDnsResolver resolver, int port = 80)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(resolver);
        return new LoadTarget(host, port, null, resolver);
    }

    public Uri UriFor(string path) => new($"http://{Host}:{Port}{(path.StartsWith('/') ? path : "/" + path)}");

    /// <summary>Where a client with <paramref name="cache"/> connects now; null when the name does not resolve.</summary>
    internal IPEndPoint? Resolve(DnsCache? cache) =>
        endpoint ?? (cache?.Resolve(Host) is { } resolved ? new IPEndPoint(resolved.Address, resolved.Port) : null);
}
