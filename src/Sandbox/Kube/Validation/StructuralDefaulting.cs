using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// What kube-apiserver does to a custom resource before validating it: structural pruning of fields the schema does
/// not know, dropping nulls of non-nullable fields, and structural defaulting top-down (a defaulted object gets its
/// own fields' defaults).
/// </summary>
internal static class StructuralDefaulting
{
    public static void ApplyDefaults(JsonObject schema, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = SchemaJson.Properties(schema);
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var (name, child) in obj.ToList())
                {
                    var childSchema = properties?[name] as JsonObject ?? additional;
                    if (child is null && childSchema is not null && !SchemaJson.Flag(childSchema, "nullable"))
                    {
                        obj.Remove(name);
                    }
                }

                foreach (var (name, childSchema) in properties ?? [])
                {
                    if (!obj.ContainsKey(name) && childSchema?["default"] is { } defaultValue)
                    {
                        obj[name] = defaultValue.DeepClone();
                    }
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if ((properties?[name] as JsonObject ?? additional) is { } childSchema)
                    {
                        ApplyDefaults(childSchema, child);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    ApplyDefaults(items, item);
                }

                break;
        }
    }

    /// <summary>
    /// Paths (<c>spec.foo</c>, <c>spec.a[0].b</c>) of the fields <paramref name="schema"/> does not declare, removed
    /// when <paramref name="prune"/>. At a resource root, apiVersion, kind and metadata are kept.
    /// </summary>
    public static List<string> Unknown(JsonObject schema, JsonNode? node, bool prune, bool isResourceRoot)
    {
        var found = new List<string>();
        Walk(schema, node, "", found, prune, isResourceRoot);
        return found;
    }

    private static void Walk(JsonObject schema, JsonNode? node, string path, List<string> found, bool prune, bool isRoot)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = SchemaJson.Properties(schema);
                var preserve = SchemaJson.Flag(schema, "x-kubernetes-preserve-unknown-fields");
                if (preserve && properties is null)
                {
                    return;
                }

                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var (name, child) in obj.ToList())
                {
                    if (isRoot && name == "metadata")
                    {
                        continue;
                    }

                    if (properties?[name] is JsonObject childSchema)
                    {
                        Walk(childSchema, child, FieldPath.Child(path, name), found, prune, false);
                    }
                    else if (additional is not null)
                    {
                        Walk(additional, child, FieldPath.Key(path, name), found, prune, false);
                    }
                    else if (!preserve && !(isRoot && name is "apiVersion" or "kind"))
                    {
                        found.Add(FieldPath.Child(path, name));
                        if (prune)
                        {
                            obj.Remove(name);
                        }
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(items, array[i], FieldPath.Index(path, i), found, prune, false);
                }

                break;
        }
    }
}
