using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// The invariants of <c>x-kubernetes-list-type</c> and <c>x-kubernetes-list-map-keys</c> kube-apiserver enforces on
/// a CRD schema: list types on arrays only, set items atomic, map lists with object items whose keys are scalar
/// properties, required or defaulted, never nullable.
/// </summary>
internal static class ListExtensions
{
    public static void Check(JsonObject schema, string path, string type, List<FieldError> errors)
    {
        var listType = SchemaJson.Str(schema["x-kubernetes-list-type"]);
        var items = schema["items"] as JsonObject;
        if (listType is not null && type != "array")
        {
            errors.Add(type.Length == 0
                ? FieldError.Required(FieldPath.Child(path, "type"), "must be array if x-kubernetes-list-type is specified")
                : FieldError.Invalid(FieldPath.Child(path, "type"), GoFormat.Quote(type), "must be array if x-kubernetes-list-type is specified"));
        }
        else if (listType == "set" && items is not null)
        {
            AtomicSetItems(items, path, errors);
        }

        if (listType is not null && listType is not ("atomic" or "set" or "map"))
        {
            errors.Add(FieldError.NotSupported(FieldPath.Child(path, "x-kubernetes-list-type"), GoFormat.Quote(listType), ["atomic", "set", "map"]));
        }

        var keys = schema["x-kubernetes-list-map-keys"]?.AsArray().Select(SchemaJson.Str).OfType<string>().ToList() ?? [];
        if (keys.Count > 0 && listType != "map")
        {
            errors.Add(listType is null
                ? FieldError.Required(FieldPath.Child(path, "x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty")
                : FieldError.Invalid(FieldPath.Child(path, "x-kubernetes-list-type"), GoFormat.Quote(listType), "must be map if x-kubernetes-list-map-keys is non-empty"));
        }

        if (listType == "map")
        {
            MapList(schema, items, keys, path, errors);
        }

        if (listType is "set" or "map" && items is not null)
        {
            MapSetKeys(items, listType, keys, path, errors);
        }
    }

    private static void AtomicSetItems(JsonObject items, string path, List<FieldError> errors)
    {
        var itemPath = FieldPath.Child(path, "items");
        switch (SchemaJson.Str(items["type"]))
        {
            case "array" when SchemaJson.Str(items["x-kubernetes-list-type"]) is { } inner && inner != "atomic":
                errors.Add(FieldError.Invalid(FieldPath.Child(itemPath, "x-kubernetes-list-type"), GoFormat.Quote(inner), "must be atomic as item of a list with x-kubernetes-list-type=set"));
                break;
            case "object" when SchemaJson.Str(items["x-kubernetes-map-type"]) != "atomic":
                // kube-apiserver prints the item's list type here (nil for an object: "null").
                var shown = SchemaJson.Str(items["x-kubernetes-list-type"]) is { } lt ? GoFormat.Quote(lt) : "\"null\"";
                errors.Add(FieldError.Invalid(FieldPath.Child(itemPath, "x-kubernetes-map-type"), shown, "must be atomic as item of a list with x-kubernetes-list-type=set"));
                break;
        }
    }

    private static void MapList(JsonObject schema, JsonObject? items, List<string> keys, string path, List<FieldError> errors)
    {
        var keysPath = FieldPath.Child(path, "x-kubernetes-list-map-keys");
        if (keys.Count == 0)
        {
            errors.Add(FieldError.Required(keysPath, "must not be empty if x-kubernetes-list-type is map"));
        }

        if (schema["items"] is null)
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "items"), "must have a schema if x-kubernetes-list-type is map"));
            return;
        }

        var itemType = SchemaJson.Str(items?["type"]) ?? "";
        if (items is null || itemType != "object")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), "type"), GoFormat.Quote(itemType), "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (SchemaJson.Properties(items)?[key] is JsonObject property)
            {
                if (SchemaJson.Str(property["type"]) is "array" or "object")
                {
                    var at = FieldPath.Child(FieldPath.Key(FieldPath.Child(FieldPath.Child(path, "items"), "properties"), key), "type");
                    errors.Add(FieldError.Invalid(at, GoFormat.Quote(itemType), "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                }
            }
            else
            {
                errors.Add(FieldError.Invalid(keysPath, GoFormat.StringSlice(keys), "entries must all be names of item properties"));
            }

            if (!seen.Add(key))
            {
                errors.Add(FieldError.Invalid(keysPath, GoFormat.StringSlice(keys), "must not contain duplicate entries"));
            }
        }
    }

    private static void MapSetKeys(JsonObject items, string listType, List<string> keys, string path, List<FieldError> errors)
    {
        var itemPath = FieldPath.Child(path, "items");
        if (SchemaJson.Flag(items, "nullable"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(itemPath, "nullable"), "cannot be nullable when x-kubernetes-list-type is " + listType));
        }

        if (listType != "map")
        {
            return;
        }

        var required = items["required"]?.AsArray().Select(SchemaJson.Str).ToHashSet() ?? [];
        foreach (var key in keys)
        {
            if (SchemaJson.Properties(items)?[key] is not JsonObject property)
            {
                continue;
            }

            var at = FieldPath.Key(FieldPath.Child(itemPath, "properties"), key);
            if (!required.Contains(key) && property["default"] is null)
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            }

            if (SchemaJson.Flag(property, "nullable"))
            {
                errors.Add(FieldError.Forbidden(FieldPath.Child(at, "nullable"), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
            }
        }
    }
}
