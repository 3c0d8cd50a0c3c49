using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0]</c>, <c>.a[*].b</c>, <c>.a['x.y']</c> and filters
/// <c>.a[?(@.type=="Ready")].status</c> (== and !=). Returns every match in document order.
/// </summary>
internal static class JsonPathLite
{
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var expression = path.Trim();
        if (expression.StartsWith('{') && expression.EndsWith('}'))
        {
            expression = expression[1..^1];
        }
        if (expression.StartsWith('$'))
        {
            expression = expression[1..];
        }
        var current = new List<JsonNode?> { root };
        var i = 0;
        while (i < expression.Length && current.Count > 0)
        {
            if (expression[i] == '.')
            {
                var start = ++i;
                while (i < expression.Length && expression[i] is not ('.' or '['))
                {
                    i++;
                }
                var name = expression[start..i];
                current = name.Length == 0 ? current : Field(current, name);
            }
            else if (expression[i] == '[')
            {
                var end = FindClose(expression, i);
                var inner = expression[(i + 1)..end].Trim();
                current = Bracket(current, inner);
                i = end + 1;
            }
            else
            {
                return [];
            }
        }
        return current;
    }

    private static int FindClose(string s, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }
        return s.Length - 1;
    }

    private static List<JsonNode?> Field(List<JsonNode?> nodes, string name) =>
        [.. nodes.OfType<JsonObject>().Where(o => o.ContainsKey(name)).Select(o => o[name])];

    private static List<JsonNode?> Bracket(List<JsonNode?> nodes, string inner)
    {
        if (inner == "*")
        {
            return [.. nodes.SelectMany(n => n switch
            {
                JsonArray a => a.AsEnumerable(),
                JsonObject o => o.Select(p => p.Value),
                _ => [],
            })];
        }
        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            return Filter(nodes, inner[2..^1].Trim());
        }
        if (inner.Length >= 2 && inner[0] is '\'' or '"')
        {
            return Field(nodes, inner[1..^1]);
        }
        if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            return [.. nodes.OfType<JsonArray>().Where(a => (index < 0 ? a.Count + index : index) is var k && k >= 0 && k < a.Count)
                .Select(a => a[index < 0 ? a.Count + index : index])];
        }
        return [];
    }

    private static List<JsonNode?> Filter(List<JsonNode?> nodes, string condition)
    {
        var (op, at) = condition.IndexOf("!=", StringComparison.Ordinal) is var ne and >= 0 ? ("!=", ne) : ("==", condition.IndexOf("==", StringComparison.Ordinal));
        if (at < 0 || !condition.StartsWith('@'))
        {
            return [];
        }
        var left = condition[1..at].Trim();
        var right = condition[(at + 2)..].Trim();
        var literal = right.Length >= 2 && right[0] is '"' or '\'' ? right[1..^1] : right;
        var result = new List<JsonNode?>();
        foreach (var item in nodes.SelectMany(n => n is JsonArray a ? a.AsEnumerable() : [n]))
        {
            var values = Evaluate(item, left);
            var equal = values.Count > 0 && Text(values[0]) == literal;
            if (equal == (op == "=="))
            {
                result.Add(item);
            }
        }
        return result;
    }

    public static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        null => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
