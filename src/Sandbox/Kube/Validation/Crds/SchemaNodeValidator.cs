using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>ValidateCustomResourceDefinitionOpenAPISchema</c>: the keywords a CRD schema may use, the
/// Kubernetes extensions' invariants (list and map types, list map keys), and the validation rules, node by node.
/// Schema errors and CEL errors are kept apart; the apiserver lists all schema errors first. Properties are visited in
/// the order the schema lists them (Go visits them in map order, which varies).
/// </summary>
internal sealed class SchemaNodeValidator(CostTracker costs, bool suppressExpressionCost)
{
    private static readonly string[] Types = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly HashSet<string> MetaFields = ["metadata", "kind", "apiVersion"];

    public List<FieldError> SchemaErrors { get; } = [];

    public List<FieldError> CelErrors { get; } = [];

    public void Node(JsonObject? schema, string path, NodeContext context, bool isRoot)
    {
        if (schema is null)
        {
            return;
        }

        var schemaErrorsBefore = SchemaErrors.Count;
        Keywords(schema, path, context);
        Children(schema, path, context, isRoot);
        Extensions(schema, path);
        if (schema["x-kubernetes-validations"] is JsonArray rules && rules.Count > 0)
        {
            RuleDefinitionValidator.CheckShape(schema, rules, path, SchemaErrors);
            // Rules compile only where the schema at this node and below is valid (and the whole schema structural).
            if (SchemaErrors.Count == schemaErrorsBefore && context.Cardinality is not null)
            {
                RuleDefinitionValidator.Compile(schema, rules, path, context, suppressExpressionCost, costs, CelErrors);
            }
        }
    }

    // specStandardValidatorV3.validate and the uniqueItems check.
    private void Keywords(JsonObject schema, string path, NodeContext context)
    {
        if (SchemaJson.Str(schema["type"]) is { Length: > 0 } type && !Types.Contains(type))
        {
            SchemaErrors.Add(FieldError.NotSupported(FieldPath.Child(path, "type"), GoFormat.Quote(type), Types));
        }

        if (schema.ContainsKey("default") && !context.AllowDefaults)
        {
            SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, "default"), "must not be set" + (context.DisallowReason.Length > 0 ? " " + context.DisallowReason : "")));
        }

        foreach (var (keyword, detail) in new[] { ("id", "id is not supported"), ("additionalItems", "additionalItems is not supported"), ("patternProperties", "patternProperties is not supported"), ("definitions", "definitions is not supported"), ("dependencies", "dependencies is not supported") })
        {
            if (schema[keyword] is { } value && !(value is JsonObject o && o.Count == 0) && !(value is JsonValue v && SchemaJson.Str(v) == ""))
            {
                SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, keyword), detail));
            }
        }

        if (SchemaJson.Str(schema["type"]) == "null")
        {
            SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, "type"), "type cannot be set to null, use nullable as an alternative"));
        }

        if (schema["items"] is JsonArray)
        {
            SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, "items"), "items must be a schema object and not an array"));
        }

        if (context.InsideResourceMeta && SchemaJson.Flag(schema, "x-kubernetes-embedded-resource"))
        {
            SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, "x-kubernetes-embedded-resource"), "must not be used inside of resource meta"));
        }

        if (SchemaJson.Flag(schema, "uniqueItems"))
        {
            SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, "uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
    }

    private void Children(JsonObject schema, string path, NodeContext context, bool isRoot)
    {
        var properties = SchemaJson.Properties(schema);
        if (schema["additionalProperties"] is { } additional)
        {
            if (properties is { Count: > 0 } && !(additional is JsonValue allows && allows.TryGetValue<bool>(out var b) && b))
            {
                SchemaErrors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "additionalProperties and properties are mutual exclusive"));
            }

            var sub = context.InsideResourceMeta ? context.ForbidDefaults("inside additionalProperties applying to object metadata") : context;
            var itemSchema = additional as JsonObject;
            Node(itemSchema, FieldPath.Child(path, "additionalProperties"), sub with { Cardinality = Times(context, schema, "maxProperties", itemSchema) });
        }

        foreach (var (name, child) in properties ?? [])
        {
            var sub = SchemaJson.Str(schema["x-kubernetes-map-type"]) is null or "granular" or "atomic" ? context : context.ForbidOldSelf(path);
            if ((isRoot || SchemaJson.Flag(schema, "x-kubernetes-embedded-resource")) && MetaFields.Contains(name))
            {
                sub = sub with { InsideResourceMeta = true };
                if (isRoot)
                {
                    sub = sub.ForbidDefaults($"in top-level {name}");
                }
            }

            Node(child as JsonObject, FieldPath.Key(FieldPath.Child(path, "properties"), name), sub, isRoot: false);
        }

        var noCel = context with { Cardinality = null };
        Node(schema["not"] as JsonObject, FieldPath.Child(path, "not"), noCel, isRoot: false);
        foreach (var junctor in new[] { "allOf", "oneOf", "anyOf" })
        {
            var list = schema[junctor] as JsonArray ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                Node(list[i] as JsonObject, FieldPath.Index(FieldPath.Child(path, junctor), i), noCel, isRoot: false);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            var sub = SchemaJson.Str(schema["x-kubernetes-list-type"]) == "map" ? context : context.ForbidOldSelf(path);
            Node(items, FieldPath.Child(path, "items"), sub with { Cardinality = Times(context, schema, "maxItems", items) }, isRoot: false);
        }
    }

    private void Node(JsonObject? schema, string path, NodeContext context) => Node(schema, path, context, isRoot: false);

    // How many times a child of a list or map can occur: the parent's count times maxItems/maxProperties, or what
    // fits in a request.
    private static double? Times(NodeContext context, JsonObject schema, string bound, JsonObject? child)
    {
        if (context.Cardinality is not { } parent)
        {
            return null;
        }

        var each = schema[bound] is JsonValue max ? SchemaJson.LongOf(max) : CelDeclTypes.UnboundedItems(child is null ? Cel.CelType.Dyn : CelDeclTypes.From(child));
        return parent * each;
    }

    private void Extensions(JsonObject schema, string path)
    {
        var type = SchemaJson.Str(schema["type"]) ?? "";
        if (schema["x-kubernetes-preserve-unknown-fields"] is JsonValue preserve && preserve.TryGetValue<bool>(out var p) && !p)
        {
            SchemaErrors.Add(FieldError.Invalid(FieldPath.Child(path, "x-kubernetes-preserve-unknown-fields"), "false", "must be true or undefined"));
        }

        if (SchemaJson.Str(schema["x-kubernetes-map-type"]) is { } mapType)
        {
            if (type != "object")
            {
                SchemaErrors.Add(type.Length == 0
                    ? FieldError.Required(FieldPath.Child(path, "type"), "must be object if x-kubernetes-map-type is specified")
                    : FieldError.Invalid(FieldPath.Child(path, "type"), GoFormat.Quote(type), "must be object if x-kubernetes-map-type is specified"));
            }

            if (mapType is not ("atomic" or "granular"))
            {
                SchemaErrors.Add(FieldError.NotSupported(FieldPath.Child(path, "x-kubernetes-map-type"), GoFormat.Quote(mapType), ["atomic", "granular"]));
            }
        }

        ListExtensions.Check(schema, path, type, SchemaErrors);
    }
}
