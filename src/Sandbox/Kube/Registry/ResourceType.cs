using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Schema;

namespace Ebops.Sandbox.Kube.Registry;

/// <summary>A served resource: one group/version/plural with everything discovery, OpenAPI, tables and writes need.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    bool HasStatusSubresource,
    bool IsCustom)
{
    /// <summary>The CRD version's <c>openAPIV3Schema</c>; null for built-ins.</summary>
    public JsonObject? Schema { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>Validates and defaults custom resources; null when the kind has no schema.</summary>
    public ICustomResourceValidator? Validator { get; init; }

    /// <summary>The name of the CRD that serves this type, null for built-ins.</summary>
    public string? CrdName { get; init; }

    /// <summary>Whether <c>metadata.generation</c> is maintained (custom resources, CRDs, Deployments; not ConfigMaps, Secrets, ...).</summary>
    public bool TracksGeneration => IsCustom || Kind is "CustomResourceDefinition" or "Deployment";

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage is shared by every version of one group/resource (no conversion: the emulator only rewrites apiVersion).</summary>
    public string StorageKey => SharedStorage ?? $"{Group}/{Plural}";

    /// <summary>Set when this resource is a view of another's storage (events.k8s.io/v1 Events are core Events).</summary>
    public string? SharedStorage { get; init; }

    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string ListKind => Kind + "List";

    public IReadOnlyList<string> Verbs => ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>Built-in kinds accept strategic merge patch; custom resources answer 415 like the real server.</summary>
    public bool AcceptsStrategicMerge => !IsCustom;
}
