using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// The parts of a CRD version kube-apiserver validates besides its schema: printer columns (type, format, a simple
/// JSON path), the scale subresource's paths, selectable fields, and the deprecation warning.
/// </summary>
internal static class CrdVersionParts
{
    private static readonly string[] ColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] ColumnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

    public static void Columns(JsonArray? columns, string path, List<FieldError> errors)
    {
        for (var i = 0; i < (columns?.Count ?? 0); i++)
        {
            var column = columns![i] as JsonObject ?? [];
            var at = FieldPath.Index(path, i);
            if (SchemaJson.Str(column["name"]) is not { Length: > 0 })
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "name")));
            }

            var type = SchemaJson.Str(column["type"]) ?? "";
            if (type.Length == 0)
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "type"), "must be one of " + string.Join(",", ColumnTypes)));
            }
            else if (!ColumnTypes.Contains(type))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "type"), GoFormat.Quote(type), "must be one of " + string.Join(",", ColumnTypes)));
            }

            if (SchemaJson.Str(column["format"]) is { Length: > 0 } format && !ColumnFormats.Contains(format))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "format"), GoFormat.Quote(format), "must be one of " + string.Join(",", ColumnFormats)));
            }

            // The internal type names the field JSONPath (v1 spells it jsonPath).
            var jsonPath = SchemaJson.Str(column["jsonPath"]) ?? "";
            if (jsonPath.Length == 0)
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "JSONPath")));
            }
            else
            {
                SimpleJsonPath(jsonPath, FieldPath.Child(at, "JSONPath"), errors);
            }
        }
    }

    public static void Subresources(JsonObject? subresources, string path, List<FieldError> errors)
    {
        if (subresources?["scale"] is not JsonObject scale)
        {
            return;
        }

        foreach (var (key, under) in new[] { ("specReplicasPath", ".spec."), ("statusReplicasPath", ".status.") })
        {
            var at = FieldPath.Child(path, "scale." + key);
            var value = SchemaJson.Str(scale[key]) ?? "";
            if (value.Length == 0)
            {
                errors.Add(FieldError.Required(at));
            }
            else if (!SimpleJsonPath(value, at, errors) && !value.StartsWith(under, StringComparison.Ordinal))
            {
                errors.Add(FieldError.Invalid(at, GoFormat.Quote(value), $"should be a json path under {under.TrimEnd('.')}"));
            }
        }

        if (SchemaJson.Str(scale["labelSelectorPath"]) is { Length: > 0 } selector)
        {
            var at = FieldPath.Child(path, "scale.labelSelectorPath");
            if (!SimpleJsonPath(selector, at, errors) && !selector.StartsWith(".spec.", StringComparison.Ordinal) && !selector.StartsWith(".status.", StringComparison.Ordinal))
            {
                errors.Add(FieldError.Invalid(at, GoFormat.Quote(selector), "should be a json path under either .spec or .status"));
            }
        }
    }

    public static void SelectableFields(JsonArray? fields, JsonObject? schema, string path, List<FieldError> errors)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (fields?.Count ?? 0); i++)
        {
            var at = FieldPath.Child(FieldPath.Index(path, i), "jsonPath");
            var jsonPath = SchemaJson.Str(fields![i]?["jsonPath"]) ?? "";
            if (jsonPath.Length == 0)
            {
                errors.Add(FieldError.Required(at));
                continue;
            }

            var normalized = RuleFieldPath.Normalize(jsonPath, schema ?? [], out var error, allowArrayNotation: false);
            if (normalized is null)
            {
                errors.Add(FieldError.Invalid(at, GoFormat.Quote(jsonPath), "is an invalid path: " + error));
                continue;
            }

            if (normalized.Split('.', '[')[0] == "metadata")
            {
                errors.Add(FieldError.Invalid(at, GoFormat.Quote(jsonPath), "must not point to fields in metadata"));
            }

            if (SchemaJson.Str(RuleFieldPath.Target(normalized, schema ?? [])?["type"]) is not ("string" or "boolean" or "integer"))
            {
                errors.Add(FieldError.Invalid(at, GoFormat.Quote(jsonPath), "must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed."));
            }

            if (!unique.Add(normalized))
            {
                errors.Add(FieldError.Duplicate(at, GoFormat.Quote(jsonPath)));
            }
        }

        if (unique.Count > 8)
        {
            errors.Add(FieldError.TooMany(path, unique.Count, 8));
        }
    }

    public static void DeprecationWarning(JsonObject version, string path, List<FieldError> errors)
    {
        if (version["deprecationWarning"] is not JsonValue value || SchemaJson.Str(value) is not { } warning)
        {
            return;
        }

        var problems = new List<string>();
        if (!(version["deprecated"] is JsonValue d && d.TryGetValue<bool>(out var deprecated) && deprecated))
        {
            problems.Add("can only be set for deprecated versions");
        }
        else
        {
            if (System.Text.Encoding.UTF8.GetByteCount(warning) > 256)
            {
                problems.Add("must be <= 256 characters long");
            }

            if (warning.Length == 0)
            {
                problems.Add("must not be an empty string");
            }

            var control = warning.IndexOf(warning.FirstOrDefault(char.IsControl), StringComparison.Ordinal);
            if (warning.Any(char.IsControl))
            {
                problems.Add($"must only contain printable UTF-8 characters; control character found at index {control}");
            }
        }

        foreach (var problem in problems)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "deprecationWarning"), GoFormat.Quote(warning), problem));
        }
    }

    // validateSimpleJSONPath; true when it reported an error.
    private static bool SimpleJsonPath(string value, string path, List<FieldError> errors)
    {
        if (value[0] != '.')
        {
            errors.Add(FieldError.Invalid(path, GoFormat.Quote(value), "must be a simple json path starting with ."));
            return true;
        }

        return false;
    }
}
