using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Patching;

/// <summary>Reads an <c>application/apply-patch+yaml</c> body: JSON (a subset of YAML) or a single YAML document.</summary>
internal static class YamlJson
{
    public static JsonNode? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return JsonNode.Parse(text);
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw KubeApiException.BadRequest($"error converting YAML to JSON: {e.Message}");
        }
        // Round-trip through text so every value is element-backed like a parsed JSON body.
        return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode);
    }

    /// <summary>Converts one YAML node; the result is round-tripped through text so every value is element-backed like a parsed JSON body.</summary>
    public static JsonNode? FromYaml(YamlNode node) => JsonNode.Parse(Convert(node)?.ToJsonString() ?? "null");

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }
}
