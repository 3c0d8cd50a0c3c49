using System.Text;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// The <c>fieldPath</c> of a validation rule, checked against the schema and normalized to a <c>field.Path</c>
/// (apiextensions' <c>cel.ValidFieldPath</c>): <c>.a.b</c> and <c>['a.b']</c> select properties, <c>['key']</c> or
/// <c>.key</c> map entries (printed <c>[key]</c>); list indexing is not allowed.
/// </summary>
internal static class RuleFieldPath
{
    /// <summary>The normalized path, or null with <paramref name="error"/> set when the path is not valid for the schema.</summary>
    public static string? Normalize(string jsonPath, JsonObject schema, out string error, bool allowArrayNotation = true)
    {
        error = "";
        var path = "";
        var node = schema;
        var tokens = Tokenize(jsonPath);
        for (var i = 0; i < tokens.Count; i++)
        {
            var name = NextName(tokens, ref i, allowArrayNotation, out error);
            if (name is null)
            {
                return null;
            }

            if (SchemaJson.Properties(node) is { } properties)
            {
                if (properties[name] is not JsonObject child)
                {
                    error = "does not refer to a valid field";
                    return null;
                }

                path = FieldPath.Child(path, name);
                node = child;
            }
            else if (node["additionalProperties"] is JsonObject additional)
            {
                path = FieldPath.Key(path, name);
                node = additional;
            }
            else
            {
                error = "does not refer to a valid field";
                return null;
            }
        }

        return path;
    }

    // The name after '.' or inside "['...']" at tokens[i]; i ends on the step's last token.
    private static string? NextName(List<string> tokens, ref int i, bool allowArrayNotation, out string error)
    {
        error = "";
        if (tokens[i] == ".")
        {
            if (i + 1 < tokens.Count)
            {
                return tokens[++i];
            }

            error = "unexpected end of JSON path";
            return null;
        }

        if (tokens[i] != "[")
        {
            error = $"expected [ or . but got: {tokens[i]}";
            return null;
        }

        if (!allowArrayNotation)
        {
            error = "array notation is not allowed";
            return null;
        }

        if (i + 2 >= tokens.Count || tokens[i + 1].Length < 2 || tokens[i + 1][0] != '\'' || tokens[i + 1][^1] != '\'' || tokens[i + 2] != "]")
        {
            error = i + 1 >= tokens.Count ? "unexpected end of JSON path" : $"expected single quoted string but got {tokens[i + 1]}";
            return null;
        }

        var name = tokens[i + 1][1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        i += 2;
        return name;
    }

    /// <summary>The schema a valid path ends at (for selectable fields).</summary>
    public static JsonObject? Target(string normalized, JsonObject schema)
    {
        var node = schema;
        foreach (var part in normalized.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = SchemaJson.Properties(node)?[part] as JsonObject ?? node["additionalProperties"] as JsonObject;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    // '.', '[' and ']' are tokens of their own; a single-quoted string is one token, delimiters inside it included.
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' && current.Length == 0)
            {
                var end = i + 1;
                while (end < text.Length && !(text[end] == '\'' && text[end - 1] != '\\'))
                {
                    end++;
                }

                tokens.Add(text[i..Math.Min(end + 1, text.Length)]);
                i = end;
                continue;
            }

            if (c is '.' or '[' or ']')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                tokens.Add(c.ToString());
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
