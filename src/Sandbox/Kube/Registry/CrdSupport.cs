using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Api;
using Ebops.Sandbox.Kube.Schema;
using Ebops.Sandbox.Kube.Storage;

namespace Ebops.Sandbox.Kube.Registry;

/// <summary>
/// What kube-apiserver's apiextensions controllers do for a CRD, done synchronously: validate the definition, accept
/// its names, mark it Established, and derive the served resource types.
/// </summary>
internal static class CrdSupport
{
    public static List<FieldCause> Validate(JsonObject crd)
    {
        var errors = new List<FieldCause>();
        var spec = crd["spec"] as JsonObject;
        var group = ObjectRules.Str(spec?["group"]);
        var names = spec?["names"] as JsonObject;
        var plural = ObjectRules.Str(names?["plural"]);
        if (group is not { Length: > 0 })
        {
            errors.Add(FieldCause.Required("spec.group"));
        }
        if (plural is not { Length: > 0 })
        {
            errors.Add(FieldCause.Required("spec.names.plural"));
        }
        if (ObjectRules.Str(names?["kind"]) is not { Length: > 0 })
        {
            errors.Add(FieldCause.Required("spec.names.kind"));
        }
        var name = ObjectRules.Str(crd["metadata"]?["name"]);
        if (group is { Length: > 0 } && plural is { Length: > 0 } && name != $"{plural}.{group}")
        {
            errors.Add(FieldCause.InvalidValue("metadata.name", $"\"{name}\"", "must be spec.names.plural+\".\"+spec.group"));
        }
        if (ObjectRules.Str(spec?["scope"]) is not ("Namespaced" or "Cluster"))
        {
            errors.Add(new FieldCause("spec.scope", "FieldValueNotSupported", $"Unsupported value: \"{ObjectRules.Str(spec?["scope"])}\": supported values: \"Cluster\", \"Namespaced\""));
        }
        var versions = (spec?["versions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (versions.Count == 0)
        {
            errors.Add(FieldCause.Required("spec.versions", "must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(FieldCause.InvalidValue("spec.versions", "[]apiextensions.CustomResourceDefinitionVersion{...}", "must have exactly one version marked as storage version"));
        }
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]["schema"]?["openAPIV3Schema"] is not JsonObject)
            {
                errors.Add(FieldCause.Required($"spec.versions[{i}].schema.openAPIV3Schema", "schemas are required"));
            }
        }
        return errors;
    }

    /// <summary>Writes the status the apiextensions controllers would: names accepted, established, stored versions.</summary>
    public static void SetStatus(JsonObject crd, JsonObject? oldStatus, DateTimeOffset now)
    {
        var spec = crd["spec"]!.AsObject();
        var storage = (spec["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true);
        var stored = new List<string>();
        if (oldStatus?["storedVersions"] is JsonArray previous)
        {
            stored.AddRange(previous.Select(p => ObjectRules.Str(p)).OfType<string>());
        }
        if (ObjectRules.Str(storage?["name"]) is { } storageName && !stored.Contains(storageName))
        {
            stored.Add(storageName);
        }
        var timestamp = oldStatus?["conditions"]?[0]?["lastTransitionTime"]?.DeepClone() ?? ObjectRules.Timestamp(now);
        JsonObject Condition(string type, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = timestamp.DeepClone(),
            ["reason"] = reason,
            ["message"] = message,
        };
        crd["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["acceptedNames"] = spec["names"]!.DeepClone(),
            ["storedVersions"] = new JsonArray([.. stored.Select(s => (JsonNode)s)]),
        };
    }

    /// <summary>The resource types a (valid) CRD serves: one per served version.</summary>
    public static IReadOnlyList<ResourceType> ServedTypes(JsonObject crd)
    {
        var spec = crd["spec"]!.AsObject();
        var names = spec["names"]!.AsObject();
        var crdName = ObjectRules.Str(crd["metadata"]?["name"])!;
        var kind = ObjectRules.Str(names["kind"])!;
        var plural = ObjectRules.Str(names["plural"])!;
        var singular = ObjectRules.Str(names["singular"]) ?? kind.ToLowerInvariant();
        var shortNames = Strings(names["shortNames"]);
        var categories = Strings(names["categories"]);
        var namespaced = ObjectRules.Str(spec["scope"]) == "Namespaced";
        var result = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (version["served"]?.GetValue<bool>() == false)
            {
                continue;
            }
            // A detached, fully built copy: OpenAPI requests read it concurrently.
            var schema = (version["schema"]?["openAPIV3Schema"] as JsonObject)?.DeepClone().AsObject();
            var columns = (version["additionalPrinterColumns"] as JsonArray)?.OfType<JsonObject>().Select(c => new PrinterColumn(
                ObjectRules.Str(c["name"]) ?? "",
                ObjectRules.Str(c["type"]) ?? "string",
                ObjectRules.Str(c["format"]),
                ObjectRules.Str(c["description"]) ?? "",
                c["priority"]?.GetValue<int>() ?? 0,
                ObjectRules.Str(c["jsonPath"]) ?? "")).ToList();
            result.Add(new ResourceType(ObjectRules.Str(spec["group"])!, ObjectRules.Str(version["name"])!, plural, singular, kind, namespaced,
                shortNames, categories, version["subresources"]?["status"] is not null, true)
            {
                Schema = schema,
                PrinterColumns = columns is null ? [new PrinterColumn("Age", "date", null, "", 0, ".metadata.creationTimestamp")] : columns,
                Validator = schema is null ? null : CustomResourceValidators.Create(schema),
                CrdName = crdName,
            });
        }
        return result;
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => ObjectRules.Str(n)).OfType<string>().ToList() ?? [];
}
