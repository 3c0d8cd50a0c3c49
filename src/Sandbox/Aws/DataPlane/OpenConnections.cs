using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// The connections a Network Load Balancer holds open to the targets of one target group, by target endpoint, so that
/// the group can close them when a target's deregistration ends and
/// <c>deregistration_delay.connection_termination.enabled</c> is true.
/// </summary>
public sealed class OpenConnections
{
    private readonly Lock gate = new();
    private readonly Dictionary<object, (IPEndPoint Endpoint, Action Close)> open = [];

    /// <summary>Connections currently tracked.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    /// <summary>Tracks a connection to <paramref name="endpoint"/> until the returned handle is disposed.</summary>
    public IDisposable Track(IPEndPoint endpoint, Action close)
    {
        var key = new object();
        lock (gate)
        {
            open[key] = (endpoint, close);
        }

        return new Handle(this, key);
    }

    /// <summary>Closes (and forgets) every tracked connection to <paramref name="endpoint"/>; returns how many.</summary>
    public int CloseAll(IPEndPoint endpoint)
    {
        List<Action> closes;
        lock (gate)
        {
            var keys = open.Where(o => o.Value.Endpoint.Equals(endpoint)).Select(o => o.Key).ToList();
            closes = [.. keys.Select(k => open[k].Close)];
            foreach (var key in keys)
            {
                open.Remove(key);
            }
        }

        foreach (var close in closes)
        {
            close();
        }

        return closes.Count;
    }

    private void Forget(object key)
    {
        lock (gate)
        {
            open.Remove(key);
        }
    }

    private sealed class Handle(OpenConnections owner, object key) : IDisposable
    {
        public void Dispose() => owner.Forget(key);
    }
}
