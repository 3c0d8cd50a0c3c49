using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// Reads YAML (one or more documents) into JSON trees with the YAML 1.2 core schema's typing: plain scalars that
/// look like ints, floats, booleans or null become those; quoted scalars stay strings. This is how kubectl and the
/// apiserver see a manifest, so schema validation of a YAML file sees the right types.
/// </summary>
public static partial class YamlDocuments
{
    /// <summary>The non-empty documents of <paramref name="yaml"/>, in order.</summary>
    public static IReadOnlyList<JsonNode> Load(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Where(d => d.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(d => Convert(d.RootNode)!)
            .ToList();
    }

    /// <summary>The single document of <paramref name="yaml"/> as an object.</summary>
    public static JsonObject LoadObject(string yaml) => Load(yaml) switch
    {
        [JsonObject obj] => obj,
        var docs => throw new FormatException($"Expected one YAML mapping document, found {docs.Count} document(s)."),
    };

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value ?? ""] = Convert(value);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
                {
                    return JsonValue.Create(text);
                }

                if (text is "" or "~" or "null" or "Null" or "NULL")
                {
                    return null;
                }

                if (text is "true" or "True" or "TRUE")
                {
                    return JsonValue.Create(true);
                }

                if (text is "false" or "False" or "FALSE")
                {
                    return JsonValue.Create(false);
                }

                // Numbers are parsed from JSON text so that they read back as any numeric type, like parsed JSON does.
                if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    return JsonNode.Parse(l.ToString(CultureInfo.InvariantCulture));
                }

                if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                {
                    return JsonNode.Parse(d.ToString("R", CultureInfo.InvariantCulture));
                }

                return JsonValue.Create(text);
            default:
                throw new FormatException($"Unsupported YAML node {node.NodeType}.");
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
