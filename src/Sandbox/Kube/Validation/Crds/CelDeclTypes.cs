using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation.Cel;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// The CEL type of a structural schema node, as apiextensions declares <c>self</c> for a rule: objects with their
/// properties as fields (names escaped: <c>foo-bar</c> is <c>foo__dash__bar</c>), maps, lists, int-or-string and
/// free-form nodes as dyn, date-time strings as timestamps. Sizes are the schema's maxLength/maxItems/maxProperties,
/// or what fits in a request (3 MiB) when it sets none.
/// </summary>
internal static class CelDeclTypes
{
    /// <summary>kube-apiserver's request size limit, which bounds unbounded strings, lists and maps.</summary>
    public const long MaxRequestSizeBytes = 3 * 1024 * 1024;

    public static CelType From(JsonObject schema, bool isResourceRoot = false)
    {
        if (SchemaJson.Flag(schema, "x-kubernetes-int-or-string"))
        {
            return CelType.Dyn;
        }

        var properties = SchemaJson.Properties(schema);
        if (SchemaJson.Flag(schema, "x-kubernetes-preserve-unknown-fields") && properties is null && schema["additionalProperties"] is null)
        {
            return CelType.Dyn;
        }

        return SchemaJson.Str(schema["type"]) switch
        {
            "object" when schema["additionalProperties"] is JsonObject additional => Map(schema, From(additional)),
            "object" => Object(properties, isResourceRoot || SchemaJson.Flag(schema, "x-kubernetes-embedded-resource")),
            "array" => List(schema, schema["items"] is JsonObject items ? From(items) : CelType.Dyn),
            "string" => String(schema),
            "integer" => CelType.Int,
            "number" => CelType.Double,
            "boolean" => CelType.Bool,
            _ => CelType.Dyn,
        };
    }

    /// <summary>How many times a value of this schema can appear in one request when nothing bounds its container.</summary>
    public static long UnboundedItems(CelType item) => (MaxRequestSizeBytes - 2) / (item.MinSerializedSize + 1);

    private static CelType Object(JsonObject? properties, bool embedded)
    {
        var fields = new Dictionary<string, CelType>(StringComparer.Ordinal);
        if (embedded)
        {
            fields["apiVersion"] = CelType.StringOf(MaxRequestSizeBytes - 2);
            fields["kind"] = CelType.StringOf(MaxRequestSizeBytes - 2);
            fields["metadata"] = CelType.Object(new Dictionary<string, CelType>(StringComparer.Ordinal)
            {
                ["name"] = CelType.StringOf(MaxRequestSizeBytes - 2),
                ["generateName"] = CelType.StringOf(MaxRequestSizeBytes - 2),
            });
        }

        foreach (var (name, child) in properties ?? [])
        {
            if (child is JsonObject c && CelNames.Escape(name) is { } celName && !(embedded && name == "metadata"))
            {
                fields[celName] = From(c);
            }
        }

        return CelType.Object(fields);
    }

    private static CelType List(JsonObject schema, CelType item) =>
        CelType.List(item, schema["maxItems"] is JsonValue max ? SchemaJson.LongOf(max) : UnboundedItems(item));

    private static CelType Map(JsonObject schema, CelType value) =>
        CelType.Map(value, schema["maxProperties"] is JsonValue max ? SchemaJson.LongOf(max) : (MaxRequestSizeBytes - 2) / (value.MinSerializedSize + 4));

    private static CelType String(JsonObject schema)
    {
        switch (SchemaJson.Str(schema["format"]))
        {
            case "date-time":
                return CelType.Timestamp;
            case "duration":
                return CelType.Duration;
            case "byte":
                return CelType.Bytes;
        }

        if (schema["maxLength"] is JsonValue max)
        {
            return CelType.StringOf(SchemaJson.LongOf(max));
        }

        return schema["enum"] is JsonArray values
            ? CelType.StringOf(values.Select(v => SchemaJson.Str(v)?.Length ?? 0).DefaultIfEmpty(0).Max())
            : CelType.StringOf(MaxRequestSizeBytes - 2);
    }
}
