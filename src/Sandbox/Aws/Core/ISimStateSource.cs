using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Implemented by a service handler (or any state holder registered with <see cref="SimWorld.AddStateSource"/>) to
/// appear in the state dump (<c>GET /_sim/state</c>, <see cref="SimWorld.DumpState"/>). The dump is redacted again by
/// <see cref="SimRedaction"/>, but sources must never hold plaintext secrets in the first place (keep a hash).
/// </summary>
public interface ISimStateSource
{
    /// <summary>Key of this source in the dump (usually the signing name).</summary>
    string StateName { get; }

    /// <summary>A JSON snapshot of the current state (lifecycles evaluated at the world's current time).</summary>
    JsonNode DumpState();
}
