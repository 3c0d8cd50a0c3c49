using System.Net;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Operator.Runtime.Api;

/// <summary><see cref="IResourceClient{T}"/> over KubernetesClient's CustomObjects API (namespaced or cluster-scoped).</summary>
internal sealed class CustomObjectClient<T>(IKubernetes client) : IResourceClient<T>
    where T : ICustomResource
{
    private readonly EntityMetadata entity = EntityMetadata.For<T>();

    public async Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return @namespace is null
                ? await client.CustomObjects.GetClusterCustomObjectAsync<T>(entity.Group, entity.Version, entity.Plural, name, cancellationToken)
                    .ConfigureAwait(false)
                : await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(entity.Group, entity.Version, @namespace, entity.Plural, name, cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }
    }

    public Task<T> PatchAsync(string? @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(mergePatch, V1Patch.PatchType.MergePatch);
        return @namespace is null
            ? client.CustomObjects.PatchClusterCustomObjectAsync<T>(patch, entity.Group, entity.Version, entity.Plural, name, cancellationToken: cancellationToken)
            : client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(patch, entity.Group, entity.Version, @namespace, entity.Plural, name,
                cancellationToken: cancellationToken);
    }

    public Task<T> PatchStatusAsync(string? @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(mergePatch, V1Patch.PatchType.MergePatch);
        return @namespace is null
            ? client.CustomObjects.PatchClusterCustomObjectStatusAsync<T>(patch, entity.Group, entity.Version, entity.Plural, name,
                cancellationToken: cancellationToken)
            : client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<T>(patch, entity.Group, entity.Version, @namespace, entity.Plural, name,
                cancellationToken: cancellationToken);
    }
}
