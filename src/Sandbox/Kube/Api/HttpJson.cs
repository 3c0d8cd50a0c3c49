using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

internal static class HttpJson
{
    public static Task WriteAsync(HttpContext context, int status, JsonNode body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), ct).AsTask();
    }

    public static async Task WriteBytesAsync(HttpContext context, int status, byte[] body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, ct).ConfigureAwait(false);
    }

    public static async Task<string> ReadBodyAsync(HttpContext context, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }

    public static JsonObject ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw KubeApiException.BadRequest("the body of the request is not a JSON object");
        }
        catch (JsonException e)
        {
            throw KubeApiException.BadRequest($"the body of the request was not valid JSON: {e.Message}");
        }
    }
}
