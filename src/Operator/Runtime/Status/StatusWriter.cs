using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using k8s;

namespace Ebops.Operator.Runtime.Status;

/// <summary>
/// Writes an entity's status through the /status subresource with a JSON merge patch, only when the serialized status
/// differs from what was read (cert-manager's "status written only when it changed"), and with the resourceVersion
/// that was read as a precondition: a write based on a stale read fails with 409 instead of overwriting.
/// </summary>
public static class StatusWriter
{
    /// <summary>The status as it is now, to compare with later. Take it right after reading the object.</summary>
    public static JsonNode? Snapshot(ICustomResource entity) => Serialize(entity.StatusBase);

    /// <summary>
    /// Sets status.observedGeneration to metadata.generation and patches /status when the result differs from
    /// <paramref name="before"/>. Returns true when a write was made; the entity then carries the new resourceVersion.
    /// </summary>
    public static async Task<bool> WriteIfChangedAsync<T>(IResourceClient<T> client, T entity, JsonNode? before, CancellationToken cancellationToken)
        where T : ICustomResource
    {
        var status = StatusAccessor.Ensure(entity);
        status.ObservedGeneration = entity.Metadata.Generation ?? status.ObservedGeneration;
        var after = Serialize(status);
        if (JsonMergePatch.Diff(before, after) is not { } diff)
        {
            return false;
        }

        var patch = new JsonObject { ["status"] = diff };
        if (entity.Metadata.ResourceVersion is { Length: > 0 } version)
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = version };
        }

        var updated = await client.PatchStatusAsync(entity.Metadata.NamespaceProperty, entity.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
        if (updated?.Metadata?.ResourceVersion is { } written)
        {
            entity.Metadata.ResourceVersion = written;
        }

        return true;
    }

    private static JsonNode? Serialize(ResourceStatus? status) =>
        status is null ? null : JsonNode.Parse(KubernetesJson.Serialize(status));
}
