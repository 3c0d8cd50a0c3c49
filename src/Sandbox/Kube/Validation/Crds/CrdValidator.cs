using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>What kube-apiserver checks when a CustomResourceDefinition is created or updated.</summary>
internal static class CrdValidator
{
    public static List<FieldError> Validate(JsonObject crd, JsonObject? old)
    {
        _ = old;
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject;
        var group = Str(spec?["group"]);
        var names = spec?["names"] as JsonObject;
        var plural = Str(names?["plural"]);
        if (group is not { Length: > 0 })
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        if (plural is not { Length: > 0 })
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }
        if (Str(names?["kind"]) is not { Length: > 0 })
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }
        var name = Str(crd["metadata"]?["name"]);
        if (group is { Length: > 0 } && plural is { Length: > 0 } && name != $"{plural}.{group}")
        {
            errors.Add(FieldError.Invalid("metadata.name", GoFormat.Quote(name ?? ""), "must be spec.names.plural+\".\"+spec.group"));
        }
        return errors;
    }

    private static string? Str(JsonNode? node) => node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;
}
