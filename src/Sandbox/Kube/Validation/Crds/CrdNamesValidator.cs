using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>ValidateCustomResourceDefinitionNames</c>: plural, singular, short names and categories are
/// DNS-1035 labels; kind and listKind are too once lower-cased, and differ.
/// </summary>
internal static class CrdNamesValidator
{
    public static void Validate(JsonObject? names, string path, List<FieldError> errors)
    {
        var plural = SchemaJson.Str(names?["plural"]) ?? "";
        var singular = SchemaJson.Str(names?["singular"]) ?? "";
        var kind = SchemaJson.Str(names?["kind"]) ?? "";
        var listKind = SchemaJson.Str(names?["listKind"]) ?? "";
        Label(plural, FieldPath.Child(path, "plural"), "", errors);
        Label(singular, FieldPath.Child(path, "singular"), "", errors);
        MixedCase(kind, FieldPath.Child(path, "kind"), errors);
        MixedCase(listKind, FieldPath.Child(path, "listKind"), errors);
        Each(names?["shortNames"], FieldPath.Child(path, "shortNames"), errors);
        if (kind.Length > 0 && kind == listKind)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "listKind"), GoFormat.Quote(listKind), "kind and listKind may not be the same"));
        }

        Each(names?["categories"], FieldPath.Child(path, "categories"), errors);
    }

    private static void Label(string value, string path, string prefix, List<FieldError> errors)
    {
        if (value.Length > 0 && DnsNames.Dns1035Label(value) is { Count: > 0 } messages)
        {
            errors.Add(FieldError.Invalid(path, GoFormat.Quote(value), prefix + string.Join(",", messages)));
        }
    }

    private static void MixedCase(string value, string path, List<FieldError> errors)
    {
        if (value.Length > 0 && DnsNames.Dns1035Label(value.ToLowerInvariant()) is { Count: > 0 } messages)
        {
            errors.Add(FieldError.Invalid(path, GoFormat.Quote(value), "may have mixed case, but should otherwise match: " + string.Join(",", messages)));
        }
    }

    private static void Each(JsonNode? list, string path, List<FieldError> errors)
    {
        var items = list as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var value = SchemaJson.Str(items[i]) ?? "";
            if (DnsNames.Dns1035Label(value) is { Count: > 0 } messages)
            {
                errors.Add(FieldError.Invalid(FieldPath.Index(path, i), GoFormat.Quote(value), string.Join(",", messages)));
            }
        }
    }
}
