using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// What kube-apiserver checks when a CustomResourceDefinition is created or updated (apiextensions'
/// <c>ValidateCustomResourceDefinition</c> and <c>...Update</c>): the name, the spec (<see cref="CrdSpecValidator"/>),
/// on update the fields that may not change, the stored versions, the API approval of protected groups, and
/// <c>spec.preserveUnknownFields</c>. Errors carry the apiserver's paths, which use the internal form of the CRD
/// (see <see cref="CrdLayout"/>).
/// </summary>
internal static class CrdValidator
{
    private const string ApprovalAnnotation = "api-approved.kubernetes.io";

    /// <summary>Validates <paramref name="crd"/>; <paramref name="old"/> is the stored CRD on update, null on create.</summary>
    public static List<FieldError> Validate(JsonObject crd, JsonObject? old)
    {
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject ?? [];
        var plural = SchemaJson.Str(spec["names"]?["plural"]) ?? "";
        var group = SchemaJson.Str(spec["group"]) ?? "";
        var name = SchemaJson.Str(crd["metadata"]?["name"]) ?? "";
        if (name.Length > 0 && name != plural + "." + group)
        {
            errors.Add(FieldError.Invalid("metadata.name", GoFormat.Quote(name), "must be spec.names.plural+\".\"+spec.group"));
        }

        var oldSpec = old?["spec"] as JsonObject;
        CrdSpecValidator.Validate(spec, UnchangedSchemas(spec, oldSpec), errors);
        if (oldSpec is not null)
        {
            // The CRD is established once admitted (the emulator establishes at once), so scope and kind are fixed too.
            Immutable(spec["scope"], oldSpec["scope"], "spec.scope", errors);
            Immutable(spec["names"]?["kind"], oldSpec["names"]?["kind"], "spec.names.kind", errors);
            Immutable(spec["group"], oldSpec["group"], "spec.group", errors);
            Immutable(spec["names"]?["plural"], oldSpec["names"]?["plural"], "spec.names.plural", errors);
        }

        StoredVersions(spec, old, errors);
        ApiApproval(crd, old, group, errors);
        if (SchemaJson.Flag(spec, "preserveUnknownFields") && !(oldSpec is not null && SchemaJson.Flag(oldSpec, "preserveUnknownFields")))
        {
            errors.Add(FieldError.Invalid("spec.preserveUnknownFields", "true", "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
        }

        return errors;
    }

    private static HashSet<string> UnchangedSchemas(JsonObject spec, JsonObject? oldSpec)
    {
        var unchanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in (spec["versions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var name = SchemaJson.Str(version["name"]) ?? "";
            var previous = (oldSpec?["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(v => SchemaJson.Str(v["name"]) == name);
            if (previous is not null && JsonNode.DeepEquals(previous["schema"], version["schema"]))
            {
                unchanged.Add(name);
            }
        }

        return unchanged;
    }

    private static void Immutable(JsonNode? value, JsonNode? old, string path, List<FieldError> errors)
    {
        if (!JsonNode.DeepEquals(value, old))
        {
            errors.Add(FieldError.Invalid(path, GoFormat.Value(value), "field is immutable"));
        }
    }

    // The stored versions the apiserver's strategy computes (the old ones plus the storage version, the first one
    // marked storage on create), then ValidateCustomResourceDefinitionStoredVersions.
    private static void StoredVersions(JsonObject spec, JsonObject? old, List<FieldError> errors)
    {
        var versions = (spec["versions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var stored = (old?["status"]?["storedVersions"] as JsonArray)?.Select(SchemaJson.Str).OfType<string>().ToList();
        if (versions.FirstOrDefault(v => SchemaJson.Flag(v, "storage")) is { } storage && SchemaJson.Str(storage["name"]) is { } storageName && stored?.Contains(storageName) != true)
        {
            stored = [.. stored ?? [], storageName];
        }

        if (stored is not { Count: > 0 })
        {
            errors.Add(FieldError.Invalid("status.storedVersions", GoFormat.StringSlice(stored), "must have at least one stored version"));
            return;
        }

        var names = versions.Select(v => SchemaJson.Str(v["name"])).ToHashSet();
        foreach (var version in versions.Where(v => SchemaJson.Flag(v, "storage") && !stored.Contains(SchemaJson.Str(v["name"]) ?? "")))
        {
            errors.Add(FieldError.Invalid("status.storedVersions", GoFormat.StringSlice(stored), "must have the storage version " + SchemaJson.Str(version["name"])));
        }

        for (var i = 0; i < stored.Count; i++)
        {
            if (!names.Contains(stored[i]))
            {
                var v = stored[i];
                errors.Add(FieldError.Invalid($"status.storedVersions[{i}]", GoFormat.Quote(v),
                    $"missing from spec.versions; {v} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in {v} and removes {v} from status.storedVersions"));
            }
        }
    }

    // Groups under k8s.io and kubernetes.io need the api-approved.kubernetes.io annotation (a URL, or a reason
    // starting with "unapproved").
    private static void ApiApproval(JsonObject crd, JsonObject? old, string group, List<FieldError> errors)
    {
        if (!(group is "k8s.io" or "kubernetes.io" || group.EndsWith(".k8s.io", StringComparison.Ordinal) || group.EndsWith(".kubernetes.io", StringComparison.Ordinal)))
        {
            return;
        }

        var value = SchemaJson.Str(crd["metadata"]?["annotations"]?[ApprovalAnnotation]);
        if (old is not null && value == SchemaJson.Str(old["metadata"]?["annotations"]?[ApprovalAnnotation]))
        {
            return;
        }

        var path = FieldPath.Key("metadata.annotations", ApprovalAnnotation);
        if (value is null)
        {
            errors.Add(FieldError.Required(path, $"protected groups must have approval annotation \"{ApprovalAnnotation}\", see https://github.com/kubernetes/enhancements/pull/1111"));
        }
        else if (!value.StartsWith("unapproved", StringComparison.Ordinal) && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            errors.Add(FieldError.Invalid(path, GoFormat.Quote(value), $"protected groups must have approval annotation \"{ApprovalAnnotation}\" with either a URL or a reason starting with \"unapproved\", see https://github.com/kubernetes/enhancements/pull/1111"));
        }
    }
}
