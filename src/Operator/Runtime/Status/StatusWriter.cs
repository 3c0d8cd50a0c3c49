using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using k8s;

namespace Ebops.Operator.Runtime.Status;

/// <summary>
/// Writes an entity's status through the /status subresource with a JSON merge patch, and only when the serialized
/// status differs from what was read (cert-manager's "status written only when it changed").
/// </summary>
public sealed class StatusWriter<T>(IResourceClient<T> client)
    where T : ICustomResource
{
    /// <summary>The status as it is now, to compare with later. Take it right after reading the object.</summary>
    public static JsonNode? Snapshot(T entity) => Serialize(entity.StatusBase);

    /// <summary>
    /// Sets status.observedGeneration to metadata.generation and patches /status when the result differs from
    /// <paramref name="before"/>. Returns true when a write was made.
    /// </summary>
    public async Task<bool> WriteIfChangedAsync(T entity, JsonNode? before, CancellationToken cancellationToken)
    {
        var status = StatusAccessor.Ensure(entity);
        status.ObservedGeneration = entity.Metadata.Generation ?? status.ObservedGeneration;
        var after = Serialize(status);
        if (JsonMergePatch.Diff(before, after) is not { } diff)
        {
            return false;
        }

        var patch = new JsonObject { ["status"] = diff };
        var updated = await client.PatchStatusAsync(entity.Metadata.NamespaceProperty, entity.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
        if (updated?.Metadata?.ResourceVersion is { } version)
        {
            entity.Metadata.ResourceVersion = version;
        }

        return true;
    }

    private static JsonNode? Serialize(ResourceStatus? status) =>
        status is null ? null : JsonNode.Parse(KubernetesJson.Serialize(status));
}
