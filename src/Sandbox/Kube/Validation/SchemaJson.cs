using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>Small readers of schema and value JSON shared by the validators.</summary>
internal static class SchemaJson
{
    public static JsonObject? Properties(JsonObject schema) => schema["properties"] as JsonObject;

    public static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    // Numbers may be element-backed (parsed JSON) or primitive-backed (built in code) and of any CLR numeric type;
    // their JSON text is the one representation every JsonValue has.
    public static double NumberOf(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static long LongOf(JsonNode node) => (long)Math.Min(long.MaxValue, NumberOf(node));

    /// <summary>The JSON type of a value as OpenAPI names it: integer when the number has no fraction part.</summary>
    public static string JsonType(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => NumberOf(v) is var d && d == Math.Floor(d) && !v.ToJsonString().Contains('.', StringComparison.Ordinal) && !v.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };
}
