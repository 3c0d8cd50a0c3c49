using System.Net;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>Where the probe proxy sends a host and port: whether the simulator invents that name, and the loopback
/// listener behind it (null when nothing answers there).</summary>
internal sealed record ProbeRoute(bool Simulated, IPEndPoint? Loopback)
{
    /// <summary>A host the simulator does not invent.</summary>
    public static ProbeRoute Foreign { get; } = new(false, null);
}
