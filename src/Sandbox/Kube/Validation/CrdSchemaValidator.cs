using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Json.Schema;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// Validates custom resources against a CRD's <c>openAPIV3Schema</c> the way kube-apiserver does: null pruning and
/// structural defaulting (<see cref="ApplyDefaults"/>), then the OpenAPI value checks, the list-set/map uniqueness
/// checks and, unless one of those found a blocking error (required, enum, too long, too many, wrong type), the
/// <c>x-kubernetes-validations</c> CEL rules. Field paths, StatusCause types, messages and their order follow the
/// apiserver, so a 422 from the emulator reads like one from a real cluster.
/// </summary>
/// <remarks>
/// A direct walker rather than a generic JSON Schema engine: the apiserver's field paths, cause types and messages,
/// and the correlation of old and new values for transition rules, all hang off the walk; a generic engine's output
/// would have to be mapped back to them.
/// </remarks>
public sealed class CrdSchemaValidator
{
    private const string NotCheckedMessage = "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private static readonly HashSet<string> BlockingReasons =
    [
        FieldErrorReasons.NotSupported, FieldErrorReasons.Required, FieldErrorReasons.TooLong, FieldErrorReasons.TooMany, FieldErrorReasons.TypeInvalid,
    ];

    private readonly JsonObject schema;
    private readonly Lazy<JsonSchema> jsonSchema;
    private readonly CelRuleSet rules;

    /// <param name="openApiV3Schema">A CRD version's <c>schema.openAPIV3Schema</c>.</param>
    public CrdSchemaValidator(JsonNode openApiV3Schema)
    {
        schema = openApiV3Schema.DeepClone().AsObject();
        rules = new CelRuleSet(schema);
        jsonSchema = new(() => JsonSchema.FromText(
            OpenApiSchemaConverter.ToJsonSchema(schema).ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
    }

    /// <summary>CEL rules this validator cannot evaluate (functions outside its subset), as "&lt;path&gt;: &lt;rule&gt;".</summary>
    public IReadOnlyList<string> UnsupportedRules => rules.Unsupported;

    /// <summary>The validator for one version of a CustomResourceDefinition object.</summary>
    public static CrdSchemaValidator ForVersion(JsonObject crd, string version)
    {
        foreach (var v in crd["spec"]?["versions"]?.AsArray() ?? [])
        {
            if ((string?)v?["name"] == version)
            {
                return new CrdSchemaValidator(v!["schema"]?["openAPIV3Schema"] ?? throw new ArgumentException($"version {version} has no schema"));
            }
        }

        throw new ArgumentException($"The CRD has no version {version}.", nameof(version));
    }

    /// <summary>
    /// Drops nulls of non-nullable fields and fills in schema defaults, top-down, so that a defaulted object gets its
    /// own fields' defaults (what the apiserver does on create, update and read).
    /// </summary>
    public void ApplyDefaults(JsonObject obj) => StructuralDefaulting.ApplyDefaults(schema, obj);

    /// <summary>Validates <paramref name="obj"/>; <paramref name="oldObj"/> is the stored object on update, null on create.</summary>
    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? oldObj)
    {
        var errors = OpenApiValueValidator.Validate(schema, obj, "", isResourceRoot: true);
        errors.AddRange(ListTypeValidator.Validate(schema, obj));
        if (errors.Any(e => BlockingReasons.Contains(e.Reason)))
        {
            errors.Add(FieldError.Invalid(FieldPath.Nil, "\"null\"", NotCheckedMessage));
            return errors;
        }

        errors.AddRange(rules.Evaluate(schema, obj, oldObj, ""));
        return errors;
    }

    /// <summary>
    /// An independent second opinion on the structural part (no defaults, no CEL, no list-map keys): the schema
    /// converted by <see cref="OpenApiSchemaConverter"/> and evaluated by JsonSchema.Net. Returns
    /// "&lt;JSON pointer&gt;: &lt;keyword&gt;: &lt;message&gt;" per failure; empty when valid.
    /// </summary>
    public IReadOnlyList<string> EvaluateJsonSchema(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("metadata");
        using var document = JsonDocument.Parse(copy.ToJsonString());
        var results = jsonSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
    }

    /// <summary>Paths of fields the schema does not know (the apiserver prunes them, or rejects them with fieldValidation=Strict).</summary>
    public IReadOnlyList<string> FindUnknownFields(JsonObject obj) => StructuralDefaulting.Unknown(schema, obj, prune: false, isResourceRoot: true);

    /// <summary>Removes the fields <see cref="FindUnknownFields"/> reports and returns their paths.</summary>
    public IReadOnlyList<string> PruneUnknownFields(JsonObject obj) => StructuralDefaulting.Unknown(schema, obj, prune: true, isResourceRoot: true);

    /// <summary>
    /// Validates one default of a schema node as kube-apiserver does when a CRD is written: the value as written
    /// (nested defaults not applied), against the node's schema, then its CEL rules with the default as both
    /// <c>self</c> and <c>oldSelf</c>. <paramref name="node"/> must be a node of this validator's schema copy.
    /// </summary>
    internal List<FieldError> ValidateDefault(JsonObject node, JsonNode value, string path)
    {
        var errors = OpenApiValueValidator.Validate(node, value, path, isResourceRoot: false);
        return errors.Count > 0 ? errors : rules.Evaluate(node, value, value, path);
    }

    /// <summary>This validator's copy of the schema (to address nodes for <see cref="ValidateDefault"/>).</summary>
    internal JsonObject Schema => schema;
}
