using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;

namespace Ebops.Sandbox.Kube.Discovery;

/// <summary>
/// OpenAPI v3: the root lists one document per group-version; each document has a PATCH operation per kind carrying
/// <c>x-kubernetes-group-version-kind</c> and the <c>fieldValidation</c>/<c>dryRun</c> parameters (kubectl checks them
/// to decide on server-side field validation) and a component schema per kind (kubectl explain reads it; a CRD's schema
/// and descriptions are published as they are). Strategic merge is not advertised, so kubectl builds strategic patches
/// for built-ins from its compiled-in types and merge patches for custom resources.
/// </summary>
internal static class OpenApiDocuments
{
    private const string ObjectMetaRef = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    public static JsonObject Root(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var gv in GroupVersions(registry))
        {
            var doc = Document(registry, gv.Group, gv.Version)!;
            var key = gv.Group.Length == 0 ? $"api/{gv.Version}" : $"apis/{gv.Group}/{gv.Version}";
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(doc)}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? Document(ResourceRegistry registry, string group, string version)
    {
        var types = registry.In(group, version);
        if (types.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        var schemas = new JsonObject { ["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] = ObjectMeta() };
        foreach (var t in types)
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var item = t.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{t.Plural}/{{name}}" : $"{prefix}/{t.Plural}/{{name}}";
            var schemaName = SchemaName(t);
            paths[item] = new JsonObject
            {
                ["get"] = Operation(t, "read", schemaName, []),
                ["put"] = Operation(t, "replace", schemaName, ["dryRun", "fieldManager", "fieldValidation"]),
                ["patch"] = Operation(t, "patch", schemaName, ["dryRun", "fieldManager", "fieldValidation", "force"], patch: true),
                ["delete"] = Operation(t, "delete", schemaName, ["dryRun", "gracePeriodSeconds", "propagationPolicy"]),
            };
            schemas[schemaName] = KindSchema(t);
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    public static string Hash(JsonObject doc) => Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(doc.ToJsonString())));

    private static IEnumerable<(string Group, string Version)> GroupVersions(ResourceRegistry registry) =>
        registry.All.Select(t => (t.Group, t.Version)).Distinct();

    private static string SchemaName(ResourceType t)
    {
        var group = t.Group.Length == 0 ? "io.k8s.api.core" : string.Join('.', t.Group.Split('.').Reverse());
        return $"{group}.{t.Version}.{t.Kind}";
    }

    private static JsonObject Gvk(ResourceType t) => new() { ["group"] = t.Group, ["kind"] = t.Kind, ["version"] = t.Version };

    private static JsonObject Operation(ResourceType t, string verb, string schemaName, string[] queryParameters, bool patch = false)
    {
        var parameters = new JsonArray([.. queryParameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p,
            ["in"] = "query",
            ["description"] = p,
            ["schema"] = new JsonObject { ["type"] = p is "force" ? "boolean" : "string", ["uniqueItems"] = true },
        })]);
        var reference = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" } };
        var operation = new JsonObject
        {
            ["description"] = $"{verb} the specified {t.Kind}",
            ["operationId"] = $"{verb}{t.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = reference.DeepClone() } },
            },
            ["x-kubernetes-action"] = verb == "read" ? "get" : verb,
            ["x-kubernetes-group-version-kind"] = Gvk(t),
        };
        if (patch)
        {
            var content = new JsonObject();
            foreach (var mediaType in new[] { "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json" })
            {
                content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } };
            }
            operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        }
        return operation;
    }

    private static JsonObject KindSchema(ResourceType t)
    {
        JsonObject schema;
        if (t.Schema is not null)
        {
            schema = t.Schema.DeepClone().AsObject();
        }
        else
        {
            schema = new JsonObject
            {
                ["description"] = $"{t.Kind} (served by the ebops Kubernetes API emulator; fields are not described).",
                ["type"] = "object",
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
        }
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] ??= new JsonObject
        {
            ["description"] = "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
            ["type"] = "string",
        };
        properties["kind"] ??= new JsonObject
        {
            ["description"] = "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
            ["type"] = "string",
        };
        properties["metadata"] = new JsonObject
        {
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = ObjectMetaRef }),
            ["description"] = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(t));
        return schema;
    }

    private static JsonObject ObjectMeta()
    {
        JsonObject Field(string type, string description) => new() { ["type"] = type, ["description"] = description };
        return new JsonObject
        {
            ["description"] = "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["name"] = Field("string", "Name must be unique within a namespace."),
                ["namespace"] = Field("string", "Namespace defines the space within which each name must be unique."),
                ["generateName"] = Field("string", "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided."),
                ["uid"] = Field("string", "UID is the unique in time and space value for this object."),
                ["resourceVersion"] = Field("string", "An opaque value that represents the internal version of this object."),
                ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "A sequence number representing a specific generation of the desired state." },
                ["creationTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "CreationTimestamp is a timestamp representing the server time when this object was created." },
                ["deletionTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted." },
                ["labels"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = "Map of string keys and values that can be used to organize and categorize objects." },
                ["annotations"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = "Annotations is an unstructured key value map stored with a resource." },
                ["finalizers"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = "Must be empty before the object is deleted from the registry." },
            },
        };
    }
}
