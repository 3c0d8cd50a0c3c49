using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// An immutable stored object: its serialized JSON plus the fields selectors need. Readers parse a fresh copy, so
/// nothing shared is ever mutated.
/// </summary>
internal sealed record StoredObject(string Namespace, string Name, long ResourceVersion, string ApiVersion, byte[] Json, IReadOnlyDictionary<string, string> Labels)
{
    public string Key => KeyOf(Namespace, Name);

    public static string KeyOf(string ns, string name) => $"{ns}/{name}";

    public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>Stamps <paramref name="resourceVersion"/> into <paramref name="obj"/> and freezes it.</summary>
    public static StoredObject From(JsonObject obj, long resourceVersion)
    {
        var metadata = obj["metadata"] as JsonObject ?? throw new InvalidOperationException("object without metadata");
        metadata["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata["labels"] is JsonObject l)
        {
            foreach (var (k, v) in l)
            {
                labels[k] = v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v?.ToJsonString() ?? "";
            }
        }
        return new StoredObject(
            metadata["namespace"]?.GetValue<string>() ?? "",
            metadata["name"]?.GetValue<string>() ?? "",
            resourceVersion,
            obj["apiVersion"]?.GetValue<string>() ?? "",
            JsonSerializer.SerializeToUtf8Bytes(obj),
            labels);
    }
}
