using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Errors;

/// <summary>Builds <c>meta.k8s.io/v1 Status</c> objects.</summary>
internal static class StatusBuilder
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }
        status["code"] = code;
        return status;
    }

    public static JsonObject Success(string name, string group, string kind, string? uid)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind };
        if (uid is not null)
        {
            details["uid"] = uid;
        }
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }
}
