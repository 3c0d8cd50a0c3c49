using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Schema;

/// <summary>
/// Structural-schema pruning: removes fields the schema does not declare (unless
/// <c>x-kubernetes-preserve-unknown-fields</c>) and reports their paths, which is what <c>fieldValidation</c> needs.
/// </summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> RootFields = ["apiVersion", "kind", "metadata"];

    /// <summary>Prunes <paramref name="obj"/> in place; returns the removed paths (<c>spec.foo</c>, <c>spec.a[0].b</c>).</summary>
    public static IReadOnlyList<string> Prune(JsonObject obj, JsonObject schema)
    {
        var removed = new List<string>();
        PruneObject(obj, schema, "", removed, isRoot: true);
        return removed;
    }

    private static void PruneNode(JsonNode? node, JsonObject? schema, string path, List<string> removed)
    {
        if (schema is null || node is null)
        {
            return;
        }
        switch (node)
        {
            case JsonObject o:
                PruneObject(o, schema, path, removed, isRoot: false);
                break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    PruneNode(a[i], items, $"{path}[{i}]", removed);
                }
                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> removed, bool isRoot)
    {
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var embedded = schema["x-kubernetes-embedded-resource"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (key, value) in obj.ToList())
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if ((isRoot || embedded) && RootFields.Contains(key))
            {
                continue;
            }
            if (properties?[key] is JsonObject propSchema)
            {
                PruneNode(value, propSchema, childPath, removed);
            }
            else if (additional is not null)
            {
                PruneNode(value, additional, childPath, removed);
            }
            else if (!preserve && (properties is not null || schema["type"]?.GetValue<string>() == "object"))
            {
                obj.Remove(key);
                removed.Add(childPath);
            }
        }
    }
}
