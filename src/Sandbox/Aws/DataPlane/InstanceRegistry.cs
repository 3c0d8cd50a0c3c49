using System.Collections.Concurrent;
using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// The running simulated instances by instance id: the EB simulation adds and removes them, the ELBv2 simulation
/// resolves RegisterTargets instance ids to their loopback endpoints.
/// </summary>
public sealed class InstanceRegistry
{
    private readonly ConcurrentDictionary<string, InstanceServer> instances = new(StringComparer.Ordinal);

    public void Add(InstanceServer server) => instances[server.InstanceId] = server;

    public void Remove(string instanceId) => instances.TryRemove(instanceId, out _);

    public InstanceServer? Find(string instanceId) => instances.TryGetValue(instanceId, out var server) ? server : null;

    public IPEndPoint? EndpointOf(string instanceId) => Find(instanceId)?.Endpoint;

    public IReadOnlyCollection<InstanceServer> All => [.. instances.Values];
}
