using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Selectors;
using Ebops.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Http;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

/// <summary>POST, PUT, PATCH and DELETE (one object or a collection) on resource URLs.</summary>
internal sealed class WriteHandler(ObjectWriter writer, ObjectStore store)
{
    public async Task HandleAsync(HttpContext context, ResourceType type, RequestTarget target, CancellationToken ct)
    {
        var method = context.Request.Method;
        var options = WriteOptions.From(context.Request.Query);
        if (target.Subresource is not null && target.Subresource != "status")
        {
            throw KubeApiException.NotFoundPath();
        }
        if (type.Namespaced && target.Namespace is null && method != "GET")
        {
            throw KubeApiException.NotFoundPath();
        }
        var status = target.Subresource == "status";
        WriteOutcome outcome;
        if (target.Name is null)
        {
            outcome = method switch
            {
                "POST" => writer.Create(type, target.Namespace, await ReadObjectAsync(context, ct).ConfigureAwait(false), options),
                "DELETE" => DeleteCollection(context, type, target, options),
                _ => throw KubeApiException.MethodNotAllowed(),
            };
        }
        else
        {
            var isProtobuf = IsProtobuf(context);
            var body = isProtobuf ? "" : await HttpJson.ReadBodyAsync(context, ct).ConfigureAwait(false);
            outcome = method switch
            {
                "PUT" => writer.Update(type, target.Namespace, target.Name, status, isProtobuf ? await ReadObjectAsync(context, ct).ConfigureAwait(false) : HttpJson.ParseObject(body), options),
                "PATCH" => writer.Patch(type, target.Namespace, target.Name, status, context.Request.ContentType ?? "", body, options),
                "DELETE" when !status => writer.Delete(type, target.Namespace, target.Name, DeleteOptions(body, context), DeleteWriteOptions(body, options)),
                _ => throw KubeApiException.MethodNotAllowed(),
            };
        }
        foreach (var warning in outcome.Warnings)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
        await HttpJson.WriteAsync(context, outcome.StatusCode, outcome.Body, ct).ConfigureAwait(false);
    }

    private static bool IsProtobuf(HttpContext context) =>
        context.Request.ContentType?.StartsWith(ProtobufBody.MediaType, StringComparison.Ordinal) == true;

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, CancellationToken ct)
    {
        if (!IsProtobuf(context))
        {
            return HttpJson.ParseObject(await HttpJson.ReadBodyAsync(context, ct).ConfigureAwait(false));
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return ProtobufBody.Decode(buffer.ToArray());
    }

    private WriteOutcome DeleteCollection(HttpContext context, ResourceType type, RequestTarget target, WriteOptions options)
    {
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(context.Request.Query["fieldSelector"]);
        var items = new JsonArray();
        foreach (var o in store.List(type.StorageKey, target.Namespace, o => labels.Matches(o.Labels) && fields.Matches(o, s => ObjectOutput.Parse(type, s)), null, 0)!.Items)
        {
            try
            {
                var outcome = writer.Delete(type, o.Namespace.Length == 0 ? null : o.Namespace, o.Name, null, options);
                items.Add(outcome.Body);
            }
            catch (KubeApiException e) when (e.Code == System.Net.HttpStatusCode.NotFound)
            {
                // Deleted meanwhile.
            }
        }
        return new WriteOutcome(200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        }, []);
    }

    private static JsonObject? DeleteOptions(string body, HttpContext context)
    {
        var options = body.Trim().Length == 0 ? new JsonObject() : HttpJson.ParseObject(body);
        if (context.Request.Query["propagationPolicy"].ToString() is { Length: > 0 } policy)
        {
            options["propagationPolicy"] = policy;
        }
        return options;
    }

    private static WriteOptions DeleteWriteOptions(string body, WriteOptions options)
    {
        if (body.Trim().Length > 0 && HttpJson.ParseObject(body)["dryRun"] is JsonArray dryRun && dryRun.Any(d => d?.GetValue<string>() == "All"))
        {
            return options with { DryRun = true };
        }
        return options;
    }
}
