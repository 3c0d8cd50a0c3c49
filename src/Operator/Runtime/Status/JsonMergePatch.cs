using System.Text.Json.Nodes;

namespace Ebops.Operator.Runtime.Status;

/// <summary>Builds RFC 7386 JSON merge patches: the smallest patch that turns one document into another.</summary>
public static class JsonMergePatch
{
    /// <summary>
    /// Returns the patch from <paramref name="original"/> to <paramref name="modified"/>; removed members become null,
    /// arrays and scalars are replaced whole. Returns null when the two are equal.
    /// </summary>
    public static JsonNode? Diff(JsonNode? original, JsonNode? modified)
    {
        if (original is JsonObject left && modified is JsonObject right)
        {
            var patch = new JsonObject();
            foreach (var (name, value) in right)
            {
                if (!left.TryGetPropertyValue(name, out var before))
                {
                    patch[name] = value?.DeepClone();
                    continue;
                }

                if (before is JsonObject && value is JsonObject)
                {
                    if (Diff(before, value) is { } nested)
                    {
                        patch[name] = nested;
                    }
                }
                else if (!JsonNode.DeepEquals(before, value))
                {
                    patch[name] = value?.DeepClone();
                }
            }

            foreach (var (name, _) in left)
            {
                if (!right.ContainsKey(name))
                {
                    patch[name] = null;
                }
            }

            return patch.Count == 0 ? null : patch;
        }

        return JsonNode.DeepEquals(original, modified) ? null : modified?.DeepClone();
    }
}
