using System.Text.Json.Nodes;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Api;

/// <summary>The reads and writes the runtime makes on one custom resource kind.</summary>
public interface IResourceClient<T>
    where T : ICustomResource
{
    /// <summary>Reads the object; returns null when it does not exist (404).</summary>
    Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a JSON merge patch to the object (not its status). A patch that carries metadata.resourceVersion fails
    /// with 409 Conflict when the object changed meanwhile (KubernetesClient's HttpOperationException).
    /// </summary>
    Task<T> PatchAsync(string? @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken);

    /// <summary>Applies a JSON merge patch to the /status subresource.</summary>
    Task<T> PatchStatusAsync(string? @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken);
}
