using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Ebops.Operator.Entities;

/// <summary>What the runtime needs from any ebops kind, without knowing its spec type.</summary>
public interface ICustomResource : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The shared part of the status; null until the controller first writes status.</summary>
    ResourceStatus? StatusBase { get; }
}

/// <summary>Base class of the four ebops kinds: apiVersion, kind, metadata, spec and status.</summary>
public abstract class CustomResource<TSpec, TStatus> : ICustomResource, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : new()
    where TStatus : ResourceStatus, new()
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = EbopsApi.GroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public TStatus? Status { get; set; }

    [JsonIgnore]
    public ResourceStatus? StatusBase => Status;
}

/// <summary>A list of custom resources as the API server returns it.</summary>
public sealed class CustomResourceList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
    where T : ICustomResource
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = EbopsApi.GroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = new List<T>();
}
