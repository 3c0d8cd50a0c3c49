using System.Text.Json.Nodes;
using Ebops.Operator.Runtime.Api;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary><see cref="ISecretStore"/> over the core/v1 Secrets API: one request per call.</summary>
internal sealed class SecretStore(IKubernetes client) : ISecretStore
{
    public async Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return secret.Data is { } data ? new Dictionary<string, byte[]>(data, StringComparer.Ordinal) : new Dictionary<string, byte[]>();
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public Task<V1Secret> CreateAsync(V1Secret secret, CancellationToken cancellationToken) =>
        client.CoreV1.CreateNamespacedSecretAsync(secret, secret.Metadata.NamespaceProperty, cancellationToken: cancellationToken);

    public Task<V1Secret> PatchAsync(string @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken) =>
        client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(mergePatch.ToJsonString(), V1Patch.PatchType.MergePatch), name, @namespace,
            cancellationToken: cancellationToken);
}
