using Ebops.Operator.Runtime.Api;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// The watch cache of Secrets, without their payload: per data key only the SHA-256 of the value, computed as the
/// watch event arrives (the value is dropped at once). Read values live through <see cref="ISecretStore"/>.
/// </summary>
public interface ISecretCache
{
    /// <summary>True once the first list is done.</summary>
    bool IsSynced { get; }

    /// <summary>The Secret's summary as last seen by the watch; null when it does not exist.</summary>
    SecretSummary? Get(string @namespace, string name);
}
