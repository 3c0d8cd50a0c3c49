using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// The uniqueness of <c>x-kubernetes-list-type: set</c> items and <c>map</c> keys (apiextensions'
/// <c>structurallisttype.ValidateListSetsAndMaps</c>): each repeated item is a Duplicate error at its index, a set item
/// shown as its value, a map item as its keys (<c>map[string]interface {}{"name":"a"}</c>). Paths are
/// <c>field.Path</c>s, so map entries read <c>spec.env[KEY]</c>.
/// </summary>
internal static class ListTypeValidator
{
    public static List<FieldError> Validate(JsonObject schema, JsonObject obj)
    {
        var errors = new List<FieldError>();
        Object(schema, obj, "", errors);
        return errors;
    }

    private static void Object(JsonObject schema, JsonObject obj, string path, List<FieldError> errors)
    {
        if (schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var (key, child) in obj)
            {
                Value(additional, child, FieldPath.Key(path, key), errors);
            }
        }

        if (SchemaJson.Properties(schema) is { } properties)
        {
            foreach (var (key, child) in obj)
            {
                if (properties[key] is JsonObject childSchema)
                {
                    Value(childSchema, child, FieldPath.Child(path, key), errors);
                }
            }
        }
    }

    private static void Value(JsonObject schema, JsonNode? value, string path, List<FieldError> errors)
    {
        switch (value)
        {
            case JsonObject obj:
                Object(schema, obj, path, errors);
                break;
            case JsonArray array:
                Array(schema, array, path, errors);
                break;
        }
    }

    private static void Array(JsonObject schema, JsonArray array, string path, List<FieldError> errors)
    {
        switch (SchemaJson.Str(schema["x-kubernetes-list-type"]))
        {
            case "set":
                for (var i = 0; i < array.Count; i++)
                {
                    if (Enumerable.Range(0, i).Any(j => JsonNode.DeepEquals(array[i], array[j])))
                    {
                        errors.Add(FieldError.Duplicate(FieldPath.Index(path, i), GoFormat.Value(array[i])));
                    }
                }

                break;
            case "map":
                var keys = schema["x-kubernetes-list-map-keys"]?.AsArray().Select(SchemaJson.Str).OfType<string>().ToList() ?? [];
                var itemSchema = schema["items"] as JsonObject;
                var seen = new List<JsonObject>();
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonObject item)
                    {
                        continue;
                    }

                    var key = ElementKey(item, keys, itemSchema);
                    if (seen.Any(s => JsonNode.DeepEquals(s, key)))
                    {
                        errors.Add(FieldError.Duplicate(FieldPath.Index(path, i), GoFormat.Syntax(key)));
                    }

                    seen.Add(key);
                }

                break;
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Value(items, array[i], FieldPath.Index(path, i), errors);
            }
        }
    }

    // The key fields of a map-list item; an absent key counts with its schema default.
    private static JsonObject ElementKey(JsonObject item, List<string> keys, JsonObject? itemSchema)
    {
        var key = new JsonObject();
        foreach (var k in keys)
        {
            if (item[k] is { } v)
            {
                key[k] = v.DeepClone();
            }
            else if (SchemaJson.Properties(itemSchema ?? [])?[k]?["default"] is { } d)
            {
                key[k] = d.DeepClone();
            }
        }

        return key;
    }
}
