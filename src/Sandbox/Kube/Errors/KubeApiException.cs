using System.Net;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Errors;

/// <summary>An API error that becomes a <c>meta.k8s.io/v1 Status</c> body, shaped like kube-apiserver's.</summary>
internal sealed class KubeApiException(HttpStatusCode code, string reason, string message, JsonObject? details = null)
    : Exception(message)
{
    public HttpStatusCode Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => StatusBuilder.Failure((int)Code, Reason, Message, Details?.DeepClone().AsObject());

    public static KubeApiException NotFound(string groupResource, string name) =>
        new(HttpStatusCode.NotFound, "NotFound", $"{groupResource} \"{name}\" not found", Describe(groupResource, name));

    public static KubeApiException NotFoundPath() =>
        new(HttpStatusCode.NotFound, "NotFound", "the server could not find the requested resource");

    public static KubeApiException AlreadyExists(string groupResource, string name) =>
        new(HttpStatusCode.Conflict, "AlreadyExists", $"{groupResource} \"{name}\" already exists", Describe(groupResource, name));

    public static KubeApiException Conflict(string groupResource, string name) =>
        new(HttpStatusCode.Conflict, "Conflict",
            $"Operation cannot be fulfilled on {groupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Describe(groupResource, name));

    public static KubeApiException BadRequest(string message) => new(HttpStatusCode.BadRequest, "BadRequest", message);

    public static KubeApiException MethodNotAllowed() =>
        new(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    public static KubeApiException UnsupportedMediaType(string contentType) =>
        new(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static KubeApiException Gone(string message) => new(HttpStatusCode.Gone, "Expired", message);

    public static KubeApiException Forbidden(string message) => new(HttpStatusCode.Forbidden, "Forbidden", message);

    /// <summary>422 Invalid with causes (apierrors.NewInvalid): one cause per error, the message aggregated.</summary>
    public static KubeApiException Invalid(string qualifiedKind, string group, string kind, string name, IReadOnlyList<FieldError> causes)
    {
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = group,
            ["kind"] = kind,
            ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Body,
                ["field"] = c.Field,
            }).ToArray()),
        };
        if (group.Length == 0)
        {
            details.Remove("group");
        }
        return new KubeApiException((HttpStatusCode)422, "Invalid", ValidationMessages.Invalid(qualifiedKind, name, causes), details);
    }

    private static JsonObject Describe(string groupResource, string name)
    {
        var dot = groupResource.IndexOf('.', StringComparison.Ordinal);
        var details = new JsonObject { ["name"] = name };
        if (dot > 0)
        {
            details["group"] = groupResource[(dot + 1)..];
            details["kind"] = groupResource[..dot];
        }
        else
        {
            details["kind"] = groupResource;
        }
        return details;
    }
}
