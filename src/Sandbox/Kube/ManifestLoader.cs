using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Patching;
using YamlDotNet.RepresentationModel;

namespace Ebops.Sandbox.Kube;

/// <summary>Splits multi-document YAML manifests into JSON objects (empty documents and <c>List</c> kinds flattened), typing
/// unquoted scalars as YAML 1.1 does (numbers, booleans, null). The emulator reads manifests with it, and so does the demo.</summary>
public static class ManifestLoader
{
    public static IReadOnlyList<JsonObject> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var result = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            if (YamlJson.FromYaml(document.RootNode) is not JsonObject obj)
            {
                continue;
            }
            if (obj["kind"]?.GetValue<string>()?.EndsWith("List", StringComparison.Ordinal) == true && obj["items"] is JsonArray items)
            {
                result.AddRange(items.OfType<JsonObject>().Select(i => i.DeepClone().AsObject()));
            }
            else
            {
                result.Add(obj);
            }
        }
        return result;
    }
}
