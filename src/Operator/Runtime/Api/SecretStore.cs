using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Operator.Runtime.Api;

/// <summary><see cref="ISecretStore"/> over the core/v1 Secrets API.</summary>
internal sealed class SecretStore(IKubernetes client) : ISecretStore
{
    public async Task<IReadOnlyDictionary<string, string>?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var secret = await ReadSecretAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
        return secret?.Data?.ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value ?? []), StringComparer.Ordinal)
            ?? (secret is null ? null : new Dictionary<string, string>());
    }

    public async Task<string?> ReadKeyAsync(string @namespace, string name, string key, CancellationToken cancellationToken)
    {
        var secret = await ReadSecretAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
        return secret?.Data?.TryGetValue(key, out var value) == true ? Encoding.UTF8.GetString(value ?? []) : null;
    }

    public async Task<SecretSummary?> CreateAsync(string @namespace, string name, SecretContent content, CancellationToken cancellationToken)
    {
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = content.Type ?? "Opaque",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Labels = content.Labels?.ToDictionary(),
                Annotations = content.Annotations?.ToDictionary(),
                OwnerReferences = content.OwnerReferences?.Select(o => o.ToKubernetes()).ToList(),
            },
            Data = content.Data.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value!)),
        };
        try
        {
            return SecretSummary.From(await client.CoreV1.CreateNamespacedSecretAsync(secret, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            return null;
        }
    }

    public async Task<SecretSummary?> PatchAsync(string @namespace, string name, SecretContent content, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject();
        if (content.Labels is not null)
        {
            metadata["labels"] = Map(content.Labels);
        }

        if (content.Annotations is not null)
        {
            metadata["annotations"] = Map(content.Annotations);
        }

        if (content.OwnerReferences is not null)
        {
            metadata["ownerReferences"] = JsonNode.Parse(KubernetesJson.Serialize(content.OwnerReferences.Select(o => o.ToKubernetes()).ToList()));
        }

        var data = new JsonObject();
        foreach (var (key, value) in content.Data)
        {
            data[key] = value is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }

        var patch = new JsonObject { ["metadata"] = metadata, ["data"] = data };
        try
        {
            var updated = await client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), name, @namespace,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return SecretSummary.From(updated);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private async Task<V1Secret?> ReadSecretAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }
}
