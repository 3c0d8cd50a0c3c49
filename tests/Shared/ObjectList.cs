using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Ebops.Tests.Shared;

/// <summary>Any list the API server returns, typed by its items.</summary>
public sealed class ObjectList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = new List<T>();
}
