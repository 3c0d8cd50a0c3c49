using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// How kube-apiserver sees a v1 CRD while validating it: converted to its internal form, where a schema,
/// subresources, printer columns or selectable fields identical in every version are moved to the top level
/// (<c>spec.validation</c>, <c>spec.subresources</c>, ...). That decides the paths in the errors, e.g.
/// <c>spec.validation.openAPIV3Schema.properties[spec]</c> for a one-version CRD.
/// </summary>
internal sealed class CrdLayout
{
    public CrdLayout(JsonObject spec)
    {
        Versions = (spec["versions"] as JsonArray)?.Select(v => v as JsonObject ?? []).ToList() ?? [];
        SchemaHoisted = Identical("schema");
        SubresourcesHoisted = Identical("subresources");
        ColumnsHoisted = Identical("additionalPrinterColumns");
        SelectableFieldsHoisted = Identical("selectableFields");
    }

    public List<JsonObject> Versions { get; }

    public bool SchemaHoisted { get; }

    public bool SubresourcesHoisted { get; }

    public bool ColumnsHoisted { get; }

    public bool SelectableFieldsHoisted { get; }

    /// <summary>The top-level schema (<c>spec.validation</c>), when every version has the same one.</summary>
    public JsonObject? TopValidation => SchemaHoisted ? Versions[0]["schema"] as JsonObject : null;

    public JsonObject? TopSubresources => SubresourcesHoisted ? Versions[0]["subresources"] as JsonObject : null;

    public JsonArray? TopColumns => ColumnsHoisted ? Versions[0]["additionalPrinterColumns"] as JsonArray : null;

    public JsonArray? TopSelectableFields => SelectableFieldsHoisted ? Versions[0]["selectableFields"] as JsonArray : null;

    /// <summary>Whether the version at <paramref name="index"/> has the status subresource.</summary>
    public bool StatusEnabled(int index) => Versions[index]["subresources"]?["status"] is not null;

    public bool AnyStatusEnabled => Versions.Any(v => v["subresources"]?["status"] is not null);

    public bool HasSchema(int index) => Versions[index]["schema"]?["openAPIV3Schema"] is JsonObject;

    private bool Identical(string key) =>
        Versions.Count > 0 && Versions.All(v => JsonNode.DeepEquals(Normal(v[key]), Normal(Versions[0][key])));

    // Go's semantic equality: an empty list equals an absent one.
    private static JsonNode? Normal(JsonNode? node) => node is JsonArray { Count: 0 } ? null : node;
}
