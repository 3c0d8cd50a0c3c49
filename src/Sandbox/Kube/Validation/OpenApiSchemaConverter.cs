using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// Converts the OpenAPI v3 subset CRDs use into a JSON Schema (2020-12) document for a generic validator:
/// <c>nullable</c> becomes a <c>null</c> type alternative, <c>x-kubernetes-int-or-string</c> an integer-or-string
/// type, <c>x-kubernetes-list-type: set</c> <c>uniqueItems</c>, a free-form preserve-unknown-fields node the empty
/// schema; other <c>x-kubernetes-*</c> extensions, <c>format</c>, <c>default</c> and descriptions are dropped
/// (kube treats formats as advisory).
/// </summary>
public static class OpenApiSchemaConverter
{
    private static readonly string[] Copied =
    [
        "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "minItems", "maxItems", "minProperties", "maxProperties", "required",
    ];

    public static JsonObject ToJsonSchema(JsonNode openApiV3Schema)
    {
        var result = Convert(openApiV3Schema.AsObject());
        result["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return result;
    }

    private static JsonObject Convert(JsonObject schema)
    {
        var result = new JsonObject();
        var nullable = schema["nullable"] is JsonValue n && n.TryGetValue<bool>(out var isNullable) && isNullable;
        if (Types(schema, nullable) is { } types)
        {
            result["type"] = types;
        }

        foreach (var keyword in Copied)
        {
            if (schema[keyword] is { } value)
            {
                result[keyword] = value.DeepClone();
            }
        }

        if (nullable && result["enum"] is JsonArray values)
        {
            values.Add(null);
        }

        if (schema["properties"] is JsonObject properties)
        {
            var converted = new JsonObject();
            foreach (var (name, child) in properties)
            {
                converted[name] = Convert(child!.AsObject());
            }

            result["properties"] = converted;
        }

        if (schema["items"] is JsonObject items)
        {
            result["items"] = Convert(items);
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            result["additionalProperties"] = Convert(additional);
        }

        if ((string?)schema["x-kubernetes-list-type"] == "set")
        {
            result["uniqueItems"] = true;
        }

        return result;
    }

    /// <summary>The JSON Schema <c>type</c>: int-or-string is integer or string, nullable adds null; null when untyped.</summary>
    private static JsonNode? Types(JsonObject schema, bool nullable)
    {
        var intOrString = schema["x-kubernetes-int-or-string"] is JsonValue i && i.TryGetValue<bool>(out var isIntOrString) && isIntOrString;
        JsonArray types = [];
        if (intOrString)
        {
            types.Add("integer");
            types.Add("string");
        }
        else if ((string?)schema["type"] is { } type)
        {
            types.Add(type);
        }

        if (types.Count == 0)
        {
            return null;
        }

        if (nullable)
        {
            types.Add("null");
        }

        return types.Count == 1 ? types[0]!.DeepClone() : types;
    }
}
