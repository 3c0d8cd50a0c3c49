using System.Collections.Concurrent;
using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// The running simulated instances by instance id: the EB simulation adds and removes them, the ELBv2 simulation
/// resolves RegisterTargets instance ids to their loopback endpoints.
/// </summary>
public sealed class InstanceRegistry
{
    private readonly ConcurrentDictionary<string, InstanceServer> _instances = new(StringComparer.Ordinal);

    public void Add(InstanceServer server) => _instances[server.InstanceId] = server;

    public void Remove(string instanceId) => _instances.TryRemove(instanceId, out _);

    public InstanceServer? Find(string instanceId) => _instances.TryGetValue(instanceId, out var server) ? server : null;

    public IPEndPoint? EndpointOf(string instanceId) => Find(instanceId)?.Endpoint;

    public IReadOnlyCollection<InstanceServer> All => [.. _instances.Values];
}
