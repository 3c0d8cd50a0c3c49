using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Storage;

namespace Ebops.Sandbox.Kube.Selectors;

/// <summary>
/// <c>?fieldSelector=</c> with <c>=</c>, <c>==</c> and <c>!=</c>. metadata.name and metadata.namespace are answered from
/// the index; any other dotted path is read from the object (the real server allows fewer fields per kind).
/// </summary>
internal sealed class FieldSelector(IReadOnlyList<(string Path, bool Equal, string Value)> terms)
{
    public static readonly FieldSelector Everything = new([]);

    public bool IsEmpty => terms.Count == 0;

    /// <summary>The name when the selector pins <c>metadata.name</c> (kubectl wait and get by name use it).</summary>
    public string? PinnedName => terms.FirstOrDefault(t => t.Path == "metadata.name" && t.Equal).Value;

    /// <summary><paramref name="view"/> reads the object as the requested version sees it (Events have two shapes).</summary>
    public bool Matches(StoredObject o, Func<StoredObject, JsonObject>? view = null)
    {
        JsonObject? parsed = null;
        foreach (var (path, equal, value) in terms)
        {
            string? actual = path switch
            {
                "metadata.name" => o.Name,
                "metadata.namespace" => o.Namespace,
                _ => Read(parsed ??= view?.Invoke(o) ?? o.Parse(), path),
            };
            if ((actual ?? "") == value != equal)
            {
                return false;
            }
        }
        return true;
    }

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, bool, string)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (op, equal) = part.Contains("!=", StringComparison.Ordinal) ? ("!=", false)
                : part.Contains("==", StringComparison.Ordinal) ? ("==", true)
                : part.Contains('=', StringComparison.Ordinal) ? ("=", true)
                : throw KubeApiException.BadRequest($"invalid field selector: '{part}'");
            var at = part.IndexOf(op, StringComparison.Ordinal);
            terms.Add((part[..at].Trim(), equal, part[(at + op.Length)..].Trim()));
        }
        return new FieldSelector(terms);
    }

    private static string? Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }
        return node?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.String => node.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }
}
