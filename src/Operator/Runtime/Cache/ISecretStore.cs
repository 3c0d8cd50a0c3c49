using System.Text.Json.Nodes;
using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// Live Secret reads and writes, one API request each, for the rare moments a controller needs a value (to send a
/// password to AWS once) or writes a Secret it owns. Values never reach logs, events, status or exception messages.
/// </summary>
public interface ISecretStore
{
    /// <summary>The Secret's data (decoded bytes per key), or null when the Secret does not exist.</summary>
    Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates the Secret; fails with a 409 Conflict when it exists.</summary>
    Task<V1Secret> CreateAsync(V1Secret secret, CancellationToken cancellationToken);

    /// <summary>Applies a JSON merge patch to the Secret (for example new <c>data</c> keys).</summary>
    Task<V1Secret> PatchAsync(string @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken);
}
