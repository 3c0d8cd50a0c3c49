using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>validateCustomResourceDefinitionSpec</c>, in its order: group, scope, schemas present, versions
/// (names, per-version schema, subresources, columns), exactly one storage version, names, then what every version
/// shares (<c>spec.validation</c>, <c>spec.subresources</c>, <c>spec.additionalPrinterColumns</c>), then conversion.
/// </summary>
internal static class CrdSpecValidator
{
    private const string VersionsValue = "[]apiextensions.CustomResourceDefinitionVersion{...}";

    /// <param name="spec">The CRD's spec.</param>
    /// <param name="unchangedSchemas">Versions whose schema an update leaves as it was (their rules' costs are not re-checked).</param>
    /// <param name="errors">Where the errors go.</param>
    public static void Validate(JsonObject spec, ISet<string> unchangedSchemas, List<FieldError> errors)
    {
        Group(SchemaJson.Str(spec["group"]) ?? "", errors);
        var scope = SchemaJson.Str(spec["scope"]) ?? "";
        if (scope.Length == 0)
        {
            errors.Add(FieldError.Required("spec.scope"));
        }
        else if (scope is not ("Cluster" or "Namespaced"))
        {
            errors.Add(FieldError.NotSupported("spec.scope", GoFormat.Quote(scope), ["Cluster", "Namespaced"]));
        }

        var layout = new CrdLayout(spec);
        if (layout.TopValidation?["openAPIV3Schema"] is null)
        {
            for (var i = 0; i < layout.Versions.Count; i++)
            {
                if (!layout.HasSchema(i))
                {
                    errors.Add(FieldError.Required($"spec.versions[{i}].schema.openAPIV3Schema", "schemas are required"));
                }
            }
        }

        if (SchemaJson.Flag(spec, "preserveUnknownFields") && layout.Versions.Any(v => HasDefault(v["schema"]?["openAPIV3Schema"] as JsonObject)))
        {
            errors.Add(FieldError.Invalid("spec.preserveUnknownFields", "true", "must be false in order to use defaults in the schema"));
        }

        Versions(layout, unchangedSchemas, errors);
        Names(spec, errors);
        var firstVersion = layout.Versions.Count > 0 ? SchemaJson.Str(layout.Versions[0]["name"]) ?? "" : "";
        errors.AddRange(SchemaDefinitionValidator.Validate(layout.TopValidation, layout.AnyStatusEnabled, unchangedSchemas.Contains(firstVersion), "spec.validation"));
        CrdVersionParts.Subresources(layout.TopSubresources, "spec.subresources", errors);
        CrdVersionParts.Columns(layout.TopColumns, "spec.additionalPrinterColumns", errors);
        if (layout.TopSelectableFields is { Count: > 0 } selectable)
        {
            CrdVersionParts.SelectableFields(selectable, layout.TopValidation?["openAPIV3Schema"] as JsonObject, "spec.selectableFields", errors);
        }

        ConversionValidator.Validate(spec["conversion"] as JsonObject, "spec.conversion", errors);
    }

    private static void Group(string group, List<FieldError> errors)
    {
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        else if (DnsNames.Dns1123Subdomain(group) is { Count: > 0 } messages)
        {
            errors.Add(FieldError.Invalid("spec.group", GoFormat.Quote(group), string.Join(",", messages)));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.group", GoFormat.Quote(group), "should be a domain with at least one dot"));
        }
    }

    private static void Versions(CrdLayout layout, ISet<string> unchangedSchemas, List<FieldError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var unique = true;
        for (var i = 0; i < layout.Versions.Count; i++)
        {
            var version = layout.Versions[i];
            var name = SchemaJson.Str(version["name"]) ?? "";
            unique &= names.Add(name);
            var at = $"spec.versions[{i}]";
            if (DnsNames.Dns1035Label(name) is { Count: > 0 } messages)
            {
                errors.Add(FieldError.Invalid(at + ".name", GoFormat.Quote(name), string.Join(",", messages)));
            }

            CrdVersionParts.DeprecationWarning(version, at, errors);
            if (!layout.SchemaHoisted)
            {
                errors.AddRange(SchemaDefinitionValidator.Validate(version["schema"] as JsonObject, layout.StatusEnabled(i), unchangedSchemas.Contains(name), at + ".schema"));
            }

            if (!layout.SubresourcesHoisted)
            {
                CrdVersionParts.Subresources(version["subresources"] as JsonObject, at + ".subresources", errors);
            }

            if (!layout.ColumnsHoisted)
            {
                CrdVersionParts.Columns(version["additionalPrinterColumns"] as JsonArray, at + ".additionalPrinterColumns", errors);
            }

            if (!layout.SelectableFieldsHoisted && version["selectableFields"] is JsonArray { Count: > 0 } selectable)
            {
                CrdVersionParts.SelectableFields(selectable, version["schema"]?["openAPIV3Schema"] as JsonObject, at + ".selectableFields", errors);
            }
        }

        if (!unique)
        {
            errors.Add(FieldError.Invalid("spec.versions", VersionsValue, "must contain unique version names"));
        }

        if (layout.Versions.Count(v => SchemaJson.Flag(v, "storage")) != 1)
        {
            errors.Add(FieldError.Invalid("spec.versions", VersionsValue, "must have exactly one version marked as storage version"));
        }

        // The internal spec.version is the first version's name, and is checked again under that name.
        if (layout.Versions.Count > 0 && SchemaJson.Str(layout.Versions[0]["name"]) is { Length: > 0 } first && DnsNames.Dns1035Label(first) is { Count: > 0 } firstMessages)
        {
            errors.Add(FieldError.Invalid("spec.version", GoFormat.Quote(first), string.Join(",", firstMessages)));
        }
    }

    private static void Names(JsonObject spec, List<FieldError> errors)
    {
        var names = spec["names"] as JsonObject;
        foreach (var key in new[] { "plural", "singular", "kind", "listKind" })
        {
            if (SchemaJson.Str(names?[key]) is not { Length: > 0 })
            {
                errors.Add(FieldError.Required("spec.names." + key));
            }
        }

        CrdNamesValidator.Validate(names, "spec.names", errors);
    }

    private static bool HasDefault(JsonObject? schema) =>
        schema is not null && (schema.ContainsKey("default")
            || (SchemaJson.Properties(schema)?.Any(p => HasDefault(p.Value as JsonObject)) ?? false)
            || HasDefault(schema["items"] as JsonObject)
            || HasDefault(schema["additionalProperties"] as JsonObject));
}
