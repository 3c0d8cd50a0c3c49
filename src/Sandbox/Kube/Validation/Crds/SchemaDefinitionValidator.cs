using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>validateCustomResourceDefinitionValidation</c> for one <c>openAPIV3Schema</c>: the root's
/// restrictions when the status subresource is on, then (the schema must be structural) the structural invariants,
/// else the defaults, and only when both pass are CEL rules compiled; then the keyword walk, schema errors before CEL
/// errors; then the cost budget of the whole schema.
/// </summary>
internal static class SchemaDefinitionValidator
{
    // apiextensions' allowedFieldsAtRootSchema, as the JSON keys of the JSONSchemaProps fields, in field order.
    private static readonly string[] RootFieldOrder =
    [
        "id", "$schema", "$ref", "description", "type", "nullable", "format", "title", "default", "maximum", "exclusiveMaximum",
        "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf",
        "enum", "maxProperties", "minProperties", "required", "items", "allOf", "oneOf", "anyOf", "not", "properties",
        "additionalProperties", "patternProperties", "dependencies", "additionalItems", "definitions", "externalDocs",
        "example", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string",
        "x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-map-type", "x-kubernetes-validations",
    ];

    private static readonly HashSet<string> AllowedAtRoot =
    [
        "description", "type", "format", "title", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf", "required", "items", "properties",
        "externalDocs", "example", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-validations",
    ];

    private const string AllowedAtRootText = "[Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations]";

    /// <summary>Validates a <c>CustomResourceValidation</c> found at <c>validationPath</c> (<c>spec.validation</c> or <c>spec.versions[i].schema</c>).</summary>
    public static List<FieldError> Validate(JsonObject? validation, bool statusEnabled, bool suppressExpressionCost, string validationPath)
    {
        var errors = new List<FieldError>();
        if (validation?["openAPIV3Schema"] is not JsonObject schema)
        {
            return errors;
        }

        var path = FieldPath.Child(validationPath, "openAPIV3Schema");
        if (statusEnabled)
        {
            RootWithStatus(schema, path, errors);
        }

        if (SchemaJson.Flag(schema, "nullable"))
        {
            errors.Add(FieldError.Forbidden(path + ".nullable", "nullable cannot be true at the root"));
        }

        double? cardinality = null;
        var structural = StructuralSchemaValidator.Validate(schema, path);
        if (structural.Count > 0)
        {
            errors.AddRange(structural);
        }
        else if (SchemaDefaultsValidator.Validate(schema, path) is { Count: > 0 } defaults)
        {
            errors.AddRange(defaults);
        }
        else
        {
            cardinality = 1;
        }

        var costs = new CostTracker();
        var walk = new SchemaNodeValidator(costs, suppressExpressionCost);
        walk.Node(schema, path, new NodeContext(AllowDefaults: true, "", InsideResourceMeta: false, UncorrelatablePath: null, cardinality), isRoot: true);
        errors.AddRange(walk.SchemaErrors);
        errors.AddRange(walk.CelErrors);
        if (cardinality is not null && costs.Total > CostTracker.SchemaLimit)
        {
            foreach (var expensive in costs.MostExpensive)
            {
                errors.Add(FieldError.Forbidden(expensive, "contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema"));
            }

            errors.Add(FieldError.Forbidden(path, CostTracker.ExceedsMessage("x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema", costs.Total, CostTracker.SchemaLimit)));
        }

        return errors;
    }

    // With the status subresource, status is validated as properties.status: the root may only be an object with
    // properties and plain value constraints. The first offending field (in JSONSchemaProps field order) is reported.
    private static void RootWithStatus(JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var key in RootFieldOrder)
        {
            if (!schema.TryGetPropertyValue(key, out var value) || IsZero(value))
            {
                continue;
            }

            if (key == "type")
            {
                if (SchemaJson.Str(value) != "object")
                {
                    errors.Add(FieldError.Invalid(path + ".type", GoFormat.Quote(SchemaJson.Str(value) ?? ""), "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
                    return;
                }

                continue;
            }

            if (!AllowedAtRoot.Contains(key))
            {
                errors.Add(FieldError.Invalid(path, "apiextensions.JSONSchemaProps{...}", $"only {AllowedAtRootText} fields are allowed at the root of the schema if the status subresource is enabled"));
                return;
            }
        }
    }

    private static bool IsZero(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        JsonValue v when SchemaJson.Str(v) is { } s => s.Length == 0,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };
}
