namespace Ebops.Operator.Runtime.Cache;

/// <summary>The watch cache of Secrets in the watched namespaces, without payloads (see <see cref="SecretSummary"/>).</summary>
public interface ISecretCache
{
    /// <summary>True once the first list has been processed.</summary>
    bool IsSynced { get; }

    /// <summary>The Secret's summary, or null when it does not exist (as far as the cache knows).</summary>
    SecretSummary? Get(string @namespace, string name);
}
