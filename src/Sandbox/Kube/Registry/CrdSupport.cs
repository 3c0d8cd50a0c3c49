using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Schema;

namespace Ebops.Sandbox.Kube.Registry;

/// <summary>
/// What kube-apiserver's apiextensions controllers do for an admitted CRD, done synchronously: accept its names, mark
/// it Established, and derive the served resource types. (Admission itself is <c>Validation.Crds.CrdValidator</c>.)
/// </summary>
internal static class CrdSupport
{
    /// <summary>
    /// The defaults apiextensions.k8s.io/v1 gives a CRD (SetDefaults_CustomResourceDefinitionSpec): names.singular is
    /// the lower-cased kind, names.listKind the kind + "List", conversion strategy None.
    /// </summary>
    public static void ApplyDefaults(JsonObject crd)
    {
        if (crd["spec"] is not JsonObject spec)
        {
            return;
        }
        if (spec["names"] is JsonObject names && Str(names["kind"]) is { Length: > 0 } kind)
        {
            if (Str(names["singular"]) is not { Length: > 0 })
            {
                names["singular"] = kind.ToLowerInvariant();
            }
            if (Str(names["listKind"]) is not { Length: > 0 })
            {
                names["listKind"] = kind + "List";
            }
        }
        if (spec["conversion"] is not JsonObject)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }
    }

    /// <summary>Writes the status the apiextensions controllers would: names accepted, established, stored versions.</summary>
    public static void SetStatus(JsonObject crd, JsonObject? oldStatus, string now)
    {
        var spec = crd["spec"]!.AsObject();
        var storage = (spec["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true);
        var stored = new List<string>();
        if (oldStatus?["storedVersions"] is JsonArray previous)
        {
            stored.AddRange(previous.Select(p => Str(p)).OfType<string>());
        }
        if (Str(storage?["name"]) is { } storageName && !stored.Contains(storageName))
        {
            stored.Add(storageName);
        }
        var timestamp = oldStatus?["conditions"]?[0]?["lastTransitionTime"]?.DeepClone() ?? JsonValue.Create(now);
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
        var crdName = Str(crd["metadata"]?["name"])!;
        var kind = Str(names["kind"])!;
        var plural = Str(names["plural"])!;
        var singular = Str(names["singular"]) ?? kind.ToLowerInvariant();
        var shortNames = Strings(names["shortNames"]);
        var categories = Strings(names["categories"]);
        var namespaced = Str(spec["scope"]) == "Namespaced";
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
                Str(c["name"]) ?? "",
                Str(c["type"]) ?? "string",
                Str(c["format"]),
                Str(c["description"]) ?? "",
                c["priority"]?.GetValue<int>() ?? 0,
                Str(c["jsonPath"]) ?? "")).ToList();
            result.Add(new ResourceType(Str(spec["group"])!, Str(version["name"])!, plural, singular, kind, namespaced,
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

    private static string? Str(JsonNode? node) => node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => Str(n)).OfType<string>().ToList() ?? [];
}
