using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Patching;

/// <summary>
/// An approximation of strategic merge patch, enough for the built-in kinds the emulator serves (Namespace, Secret,
/// ConfigMap, Lease, Event), which have no lists merged by key: a merge patch that understands the <c>$patch: delete</c>,
/// <c>$deleteFromPrimitiveList/</c> directives and drops <c>$setElementOrder/</c> and <c>$retainKeys</c>.
/// </summary>
internal static class StrategicMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        if (patchObject["$patch"]?.GetValue<string>() == "delete")
        {
            return null;
        }
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var listName = key["$deleteFromPrimitiveList/".Length..];
                if (result[listName] is JsonArray list && value is JsonArray remove)
                {
                    foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                    {
                        list.Remove(item);
                    }
                }
                continue;
            }
            if (key.StartsWith('$'))
            {
                continue;
            }
            if (value is null)
            {
                result.Remove(key);
                continue;
            }
            var merged = Apply(result[key]?.DeepClone(), value);
            if (merged is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = merged;
            }
        }
        return result;
    }
}
