using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// apiextensions' <c>ValidateDefaults</c>: every <c>default</c> of a schema, as written (pruned, nested defaults not
/// applied), must have no unknown fields, validate against its node's schema and, when it does, pass the node's CEL
/// rules with the default as both <c>self</c> and <c>oldSelf</c>. Defaults under additionalProperties are not
/// followed (they are forbidden there), nor are metadata defaults (forbidden at the root).
/// </summary>
internal static class SchemaDefaultsValidator
{
    public static List<FieldError> Validate(JsonObject schema, string path)
    {
        var validator = new CrdSchemaValidator(schema);
        var errors = new List<FieldError>();
        Node(validator, validator.Schema, path, isRoot: true, errors);
        return errors;
    }

    private static void Node(CrdSchemaValidator validator, JsonObject node, string path, bool isRoot, List<FieldError> errors)
    {
        if (node["default"] is { } value && !isRoot)
        {
            var defaultPath = FieldPath.Child(path, "default");
            var pruned = value.DeepClone();
            if (StructuralDefaulting.Unknown(node, pruned, prune: true, isResourceRoot: false).Count > 0)
            {
                errors.Add(FieldError.Invalid(defaultPath, GoFormat.Value(value), "must not have unknown fields"));
            }

            errors.AddRange(validator.ValidateDefault(node, value, defaultPath));
        }

        if (node["items"] is JsonObject items)
        {
            Node(validator, items, FieldPath.Child(path, "items"), isRoot: false, errors);
        }

        foreach (var (name, child) in SchemaJson.Properties(node) ?? [])
        {
            if (child is JsonObject c && !(isRoot && name is "metadata" or "apiVersion" or "kind"))
            {
                Node(validator, c, FieldPath.Key(FieldPath.Child(path, "properties"), name), isRoot: false, errors);
            }
        }
    }
}
