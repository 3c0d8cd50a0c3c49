using System.Text.Json.Serialization;

namespace Ebops.Tests.Shared;

public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; } = 1;

    [JsonPropertyName("color")]
    public string? Color { get; set; }

    [JsonPropertyName("secretName")]
    public string? SecretName { get; set; }
}
