using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ebops.Operator.Runtime.Cache;
using k8s.Models;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>
/// Secrets for controller tests: the payload-free cache view (<see cref="ISecretCache"/>, SHA-256 per key) and the
/// live store (<see cref="ISecretStore"/>), over one dictionary. <see cref="LiveReads"/> counts store reads.
/// </summary>
internal sealed class FakeSecrets : ISecretCache, ISecretStore
{
    private readonly Dictionary<(string Namespace, string Name), Dictionary<string, byte[]>> secrets = [];

    public bool IsSynced => true;

    public int LiveReads { get; private set; }

    public void Set(string @namespace, string name, string key, string value)
    {
        if (!secrets.TryGetValue((@namespace, name), out var data))
        {
            data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            secrets[(@namespace, name)] = data;
        }

        data[key] = Encoding.UTF8.GetBytes(value);
    }

    public void Delete(string @namespace, string name) => secrets.Remove((@namespace, name));

    public SecretSummary? Get(string @namespace, string name) => secrets.TryGetValue((@namespace, name), out var data)
        ? new SecretSummary(@namespace, name, "Opaque", "1",
            data.ToDictionary(d => d.Key, d => Convert.ToHexStringLower(SHA256.HashData(d.Value)), StringComparer.Ordinal),
            new Dictionary<string, string>(), new Dictionary<string, string>(), [])
        : null;

    public Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        LiveReads++;
        return Task.FromResult<IReadOnlyDictionary<string, byte[]>?>(
            secrets.TryGetValue((@namespace, name), out var data) ? new Dictionary<string, byte[]>(data) : null);
    }

    public Task<V1Secret> CreateAsync(V1Secret secret, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1Secret> PatchAsync(string @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken) => throw new NotSupportedException();
}
