namespace Ebops.Operator.Runtime.Api;

/// <summary>
/// Live Secret operations, one API request each, for the rare moments a controller needs a value or writes one.
/// Everything else (does it exist, did it change, who owns it) comes from the payload-free
/// <c>ISecretCache</c>. Values never go into logs, events, status or exception messages.
/// </summary>
public interface ISecretStore
{
    /// <summary>All keys of the Secret, values decoded as UTF-8; null when the Secret does not exist.</summary>
    Task<IReadOnlyDictionary<string, string>?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>One value, decoded as UTF-8; null when the Secret or the key does not exist.</summary>
    Task<string?> ReadKeyAsync(string @namespace, string name, string key, CancellationToken cancellationToken);

    /// <summary>Creates the Secret; returns its summary, or null when a Secret of that name already exists (409).</summary>
    Task<SecretSummary?> CreateAsync(string @namespace, string name, SecretContent content, CancellationToken cancellationToken);

    /// <summary>Merge-patches the Secret (keys, labels, annotations, owner references); returns its summary, or null when it does not exist.</summary>
    Task<SecretSummary?> PatchAsync(string @namespace, string name, SecretContent content, CancellationToken cancellationToken);
}
