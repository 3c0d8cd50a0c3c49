using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;

namespace Ebops.Operator.Runtime.Status;

/// <summary>
/// Adds and removes finalizers with a merge patch that carries metadata.resourceVersion, so a concurrent change makes
/// the write fail with 409 instead of silently dropping someone else's finalizer.
/// </summary>
public static class Finalizers
{
    /// <summary>The finalizer ebops puts on every object it manages unless a controller chooses another.</summary>
    public const string Default = EbopsApi.Group + "/finalizer";

    public static bool Has(ICustomResource entity, string finalizer) => entity.Metadata.Finalizers?.Contains(finalizer) == true;

    /// <summary>Adds <paramref name="finalizer"/> (before the first external create); returns the updated object, or the same one when present.</summary>
    public static async Task<T> AddAsync<T>(IResourceClient<T> client, T entity, string finalizer, CancellationToken cancellationToken)
        where T : ICustomResource
    {
        if (Has(entity, finalizer))
        {
            return entity;
        }

        var finalizers = (entity.Metadata.Finalizers ?? []).Append(finalizer);
        return await PatchAsync(client, entity, finalizers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes <paramref name="finalizer"/> (only after cleanup is confirmed); returns the updated object.</summary>
    public static async Task<T> RemoveAsync<T>(IResourceClient<T> client, T entity, string finalizer, CancellationToken cancellationToken)
        where T : ICustomResource
    {
        if (!Has(entity, finalizer))
        {
            return entity;
        }

        var finalizers = entity.Metadata.Finalizers!.Where(f => !string.Equals(f, finalizer, StringComparison.Ordinal));
        return await PatchAsync(client, entity, finalizers, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> PatchAsync<T>(IResourceClient<T> client, T entity, IEnumerable<string> finalizers, CancellationToken cancellationToken)
        where T : ICustomResource
    {
        var list = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["finalizers"] = list,
                ["resourceVersion"] = entity.Metadata.ResourceVersion,
            },
        };
        var updated = await client.PatchAsync(entity.Metadata.NamespaceProperty, entity.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
        return updated ?? entity;
    }
}
