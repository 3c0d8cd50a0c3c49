using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ebops.Operator.Crds;

/// <summary>
/// Writes a JSON tree as block YAML, deterministically: mapping keys sorted ordinally, sequences in order, two-space
/// indentation, sequences under a key at the key's indentation (kubebuilder style). Strings stay plain only when no
/// YAML 1.1 or 1.2 reader could take them for anything else; otherwise they are JSON-escaped double-quoted scalars.
/// </summary>
internal static partial class YamlEmitter
{
    private static readonly JsonSerializerOptions QuotedOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    public static string Emit(JsonNode root, string? headerComment = null)
    {
        var sb = new StringBuilder();
        if (headerComment is not null)
        {
            foreach (var line in headerComment.Split('\n'))
            {
                sb.Append("# ").Append(line).Append('\n');
            }
        }

        sb.Append("---\n");
        switch (root)
        {
            case JsonObject obj when obj.Count > 0:
                WriteMapping(obj, 0, sb, null);
                break;
            case JsonArray array when array.Count > 0:
                WriteSequence(array, 0, sb);
                break;
            default:
                sb.Append(Scalar(root)).Append('\n');
                break;
        }

        return sb.ToString();
    }

    private static void WriteMapping(JsonObject obj, int indent, StringBuilder sb, string? firstLinePrefix)
    {
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(first && firstLinePrefix is not null ? firstLinePrefix : new string(' ', indent));
            first = false;
            sb.Append(Quote(key)).Append(':');
            switch (value)
            {
                case JsonObject child when child.Count == 0:
                    sb.Append(" {}\n");
                    break;
                case JsonObject child:
                    sb.Append('\n');
                    WriteMapping(child, indent + 2, sb, null);
                    break;
                case JsonArray array when array.Count == 0:
                    sb.Append(" []\n");
                    break;
                case JsonArray array:
                    sb.Append('\n');
                    WriteSequence(array, indent, sb);
                    break;
                default:
                    sb.Append(' ').Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteSequence(JsonArray array, int indent, StringBuilder sb)
    {
        var dash = new string(' ', indent) + "- ";
        foreach (var item in array)
        {
            switch (item)
            {
                case JsonObject obj when obj.Count > 0:
                    WriteMapping(obj, indent + 2, sb, dash);
                    break;
                case JsonArray nested when nested.Count > 0:
                    sb.Append(dash).Append(nested.ToJsonString(QuotedOptions)).Append('\n');
                    break;
                case JsonObject:
                    sb.Append(dash).Append("{}\n");
                    break;
                case JsonArray:
                    sb.Append(dash).Append("[]\n");
                    break;
                default:
                    sb.Append(dash).Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => Quote(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => throw new InvalidOperationException($"Unexpected JSON value {value.ToJsonString()}."),
        };
    }

    private static string Quote(string s) =>
        PlainSafe().IsMatch(s) && !Reserved.Contains(s) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? s
            : JsonSerializer.Serialize(s, QuotedOptions);

    // A letter, '_' or '/' first; then no character with a meaning in YAML (':', '#', quotes at the start, flow
    // indicators, '&', '*', '!', '|', '>', '%', '@', '`'); no trailing space.
    [GeneratedRegex("^[A-Za-z_/][A-Za-z0-9 _./,()'+=-]*(?<! )$")]
    private static partial Regex PlainSafe();
}
