using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>ValidateStructural</c>: every node typed (unless int-or-string or free-form), arrays with items,
/// an object at the root without additionalProperties, metadata restricted to name and generateName, nothing but
/// value validations inside allOf/anyOf/oneOf/not, valid patterns. Errors are sorted by their text, as the apiserver
/// sorts them.
/// </summary>
internal static class StructuralSchemaValidator
{
    private enum Level
    {
        Root,
        Item,
        Field,
    }

    public static List<FieldError> Validate(JsonObject schema, string path)
    {
        var errors = new List<FieldError>();
        Invariants(schema, Level.Root, path, errors);
        errors.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return errors;
    }

    private static void Invariants(JsonObject? s, Level level, string path, List<FieldError> errors)
    {
        if (s is null)
        {
            return;
        }

        var type = SchemaJson.Str(s["type"]) ?? "";
        var embedded = SchemaJson.Flag(s, "x-kubernetes-embedded-resource");
        var intOrString = SchemaJson.Flag(s, "x-kubernetes-int-or-string");
        var preserve = SchemaJson.Flag(s, "x-kubernetes-preserve-unknown-fields");
        if (type == "array" && s["items"] is null)
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "items"), "must be specified"));
        }

        Invariants(s["items"] as JsonObject, Level.Item, FieldPath.Child(path, "items"), errors);
        foreach (var (name, child) in SchemaJson.Properties(s) ?? [])
        {
            Invariants(child as JsonObject, Level.Field, FieldPath.Key(FieldPath.Child(path, "properties"), name), errors);
        }

        if (s["additionalProperties"] is { } additional)
        {
            if (level == Level.Root)
            {
                errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used at the root"));
            }

            Invariants(additional as JsonObject, Level.Field, FieldPath.Child(path, "additionalProperties"), errors);
        }

        if (intOrString && preserve)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "x-kubernetes-preserve-unknown-fields"), "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "x-kubernetes-embedded-resource"), "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        ValueValidation(s, path, errors);
        Typing(s, level, path, type, embedded, intOrString, preserve, errors);
        Metadata(s, level, embedded, path, errors);
    }

    private static void Typing(JsonObject s, Level level, string path, string type, bool embedded, bool intOrString, bool preserve, List<FieldError> errors)
    {
        if (embedded && type != "object")
        {
            errors.Add(type.Length == 0
                ? FieldError.Required(FieldPath.Child(path, "type"), "must be object if x-kubernetes-embedded-resource is true")
                : FieldError.Invalid(FieldPath.Child(path, "type"), GoFormat.Quote(type), "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "type"), level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (embedded && s["additionalProperties"] is not null)
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "type"), GoFormat.Quote(type), "must be object at the root"));
        }

        if (embedded && !preserve && SchemaJson.Properties(s) is not { Count: > 0 })
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    private static void Metadata(JsonObject s, Level level, bool embedded, string path, List<FieldError> errors)
    {
        var properties = SchemaJson.Properties(s);
        var check = level == Level.Root || embedded;
        foreach (var name in new[] { "kind", "apiVersion" })
        {
            if (check && properties?[name] is JsonObject field && SchemaJson.Str(field["type"]) is var t && t != "string")
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(FieldPath.Key(FieldPath.Child(path, "properties"), name), "type"), GoFormat.Quote(t ?? ""), "must be string"));
            }
        }

        if (properties?["metadata"] is not JsonObject metadata)
        {
            return;
        }

        var metadataPath = FieldPath.Key(FieldPath.Child(path, "properties"), "metadata");
        if (check && SchemaJson.Str(metadata["type"]) is var mt && mt != "object")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(metadataPath, "type"), GoFormat.Quote(mt ?? ""), "must be object"));
        }

        // At the root, metadata may only restrict name and generateName (the apiserver validates ObjectMeta itself).
        var extra = metadata.Where(p => p.Key is not ("type" or "default" or "description" or "properties")).Any()
            || (SchemaJson.Properties(metadata) is { } mp && mp.Any(p => p.Key is not ("name" or "generateName")));
        if (level == Level.Root && extra)
        {
            errors.Add(FieldError.Forbidden(metadataPath, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    // The value validations (allOf, anyOf, oneOf, not) may only add constraints, not structure.
    private static void ValueValidation(JsonObject s, string path, List<FieldError> errors)
    {
        foreach (var junctor in new[] { "anyOf", "allOf", "oneOf" })
        {
            var list = s[junctor] as JsonArray ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                Nested(list[i] as JsonObject, FieldPath.Index(FieldPath.Child(path, junctor), i), errors);
            }
        }

        Nested(s["not"] as JsonObject, FieldPath.Child(path, "not"), errors);
        if (SchemaJson.Str(s["pattern"]) is { Length: > 0 } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(path, "pattern"), GoFormat.Quote(pattern), $"must be a valid regular expression, but isn't: {e.Message}"));
            }
        }
    }

    private static readonly (string Keyword, string Detail)[] NestedForbidden =
    [
        ("type", "must be empty to be structural"),
        ("additionalProperties", "must be undefined to be structural"),
        ("default", "must be undefined to be structural"),
        ("title", "must be empty to be structural"),
        ("description", "must be empty to be structural"),
        ("nullable", "must be false to be structural"),
        ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
        ("x-kubernetes-embedded-resource", "must be false to be structural"),
        ("x-kubernetes-int-or-string", "must be false to be structural"),
        ("x-kubernetes-list-map-keys", "must be empty to be structural"),
        ("x-kubernetes-list-type", "must be undefined to be structural"),
        ("x-kubernetes-map-type", "must be undefined to be structural"),
        ("x-kubernetes-validations", "must be empty to be structural"),
    ];

    private static void Nested(JsonObject? v, string path, List<FieldError> errors)
    {
        if (v is null)
        {
            return;
        }

        ValueValidation(v, path, errors);
        Nested(v["items"] as JsonObject, FieldPath.Child(path, "items"), errors);
        foreach (var (name, child) in SchemaJson.Properties(v) ?? [])
        {
            Nested(child as JsonObject, FieldPath.Key(FieldPath.Child(path, "properties"), name), errors);
        }

        foreach (var (keyword, detail) in NestedForbidden)
        {
            var set = v[keyword] switch
            {
                null => false,
                JsonValue b when b.TryGetValue<bool>(out var flag) => flag,
                JsonValue s when SchemaJson.Str(s) is { } text => text.Length > 0,
                JsonArray a => a.Count > 0,
                _ => true,
            };
            if (set)
            {
                errors.Add(FieldError.Forbidden(FieldPath.Child(path, keyword), detail));
            }
        }
    }
}
