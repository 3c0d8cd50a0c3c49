using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy, test; errors are 422 like kube-apiserver's.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["doc"] = document };
        foreach (var op in operations)
        {
            if (op is not JsonObject o || o["op"]?.GetValue<string>() is not { } name || o["path"]?.GetValue<string>() is not { } path)
            {
                throw Invalid("invalid JSON patch operation");
            }
            switch (name)
            {
                case "add":
                    Add(root, path, o["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, o["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(root, From(o));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, From(o))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), o["value"]))
                    {
                        throw Invalid($"testing value {path} failed");
                    }
                    break;
                default:
                    throw Invalid($"Unexpected kind: {name}");
            }
        }
        return root["doc"] ?? throw Invalid("the patch removed the whole document");
    }

    private static string From(JsonObject o) => o["from"]?.GetValue<string>() ?? throw Invalid("missing from");

    private static KubeApiException Invalid(string message) => new((System.Net.HttpStatusCode)422, "Invalid", message);

    private static (JsonNode Parent, string Last) Resolve(JsonObject root, string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw Invalid($"invalid JSON pointer {pointer}");
        }
        var tokens = ("/doc" + pointer).Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? node = root;
        foreach (var token in tokens[..^1])
        {
            node = node switch
            {
                JsonObject obj => obj[token],
                JsonArray arr when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < arr.Count => arr[i],
                _ => null,
            } ?? throw Invalid($"doc is missing path: {pointer}");
        }
        return (node!, tokens[^1]);
    }

    private static JsonNode? Get(JsonObject root, string pointer)
    {
        var (parent, last) = Resolve(root, pointer);
        return parent switch
        {
            JsonObject obj when obj.TryGetPropertyValue(last, out var v) => v,
            JsonArray arr when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < arr.Count => arr[i],
            _ => throw Invalid($"doc is missing path: {pointer}"),
        };
    }

    private static void Add(JsonObject root, string pointer, JsonNode? value)
    {
        var (parent, last) = Resolve(root, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray arr when last == "-":
                arr.Add(value);
                break;
            case JsonArray arr when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= arr.Count:
                arr.Insert(i, value);
                break;
            default:
                throw Invalid($"unable to add at {pointer}");
        }
    }

    private static JsonNode? Remove(JsonObject root, string pointer)
    {
        var (parent, last) = Resolve(root, pointer);
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var v):
                obj.Remove(last);
                return v;
            case JsonArray arr when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < arr.Count:
                var removed = arr[i];
                arr.RemoveAt(i);
                return removed;
            default:
                throw Invalid($"Unable to remove nonexistent key: {last}: missing value");
        }
    }
}
