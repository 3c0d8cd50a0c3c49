using System.Text;
using System.Text.Json.Nodes;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

/// <summary>An opaque list continuation: the resourceVersion the list started at and the last key returned.</summary>
internal sealed record ContinueToken(long ResourceVersion, string StartAfter)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = ResourceVersion, ["start"] = StartAfter }.ToJsonString()));

    public static ContinueToken Decode(string text)
    {
        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)))!;
            return new ContinueToken(node["rv"]!.GetValue<long>(), node["start"]!.GetValue<string>());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw KubeApiException.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
    }
}
