using System.Text.Json;
using Ebops.Sandbox.Kube.Discovery;
using Ebops.Sandbox.Kube.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

/// <summary>The one request delegate: non-resource paths (version, health, discovery, OpenAPI), then resource URLs.</summary>
internal sealed class ApiRouter(ResourceRegistry registry, ReadHandler reads, WatchHandler watches, WriteHandler writes, KubeRequestLog requests,
    TimeProvider time, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (!await TryNonResourceAsync(context, path.TrimEnd('/'), ct).ConfigureAwait(false))
            {
                await ResourceAsync(context, path, ct).ConfigureAwait(false);
            }
        }
        catch (KubeApiException e)
        {
            await WriteErrorAsync(context, e, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, KubeApiException.BadRequest(e.Message), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away (watches end this way).
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            Log.Unhandled(logger, e, context.Request.Method, path);
            await WriteErrorAsync(context, new KubeApiException(System.Net.HttpStatusCode.InternalServerError, "InternalError", e.Message), ct).ConfigureAwait(false);
        }
        Log.Request(logger, context.Request.Method, path, context.Response.StatusCode);
    }

    private static async Task WriteErrorAsync(HttpContext context, KubeApiException e, CancellationToken ct)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.Headers.Remove("Warning");
        await HttpJson.WriteAsync(context, (int)e.Code, e.ToStatus(), ct).ConfigureAwait(false);
    }

    private async Task<bool> TryNonResourceAsync(HttpContext context, string path, CancellationToken ct)
    {
        if (context.Request.Method != "GET")
        {
            return false;
        }
        switch (path)
        {
            case "/healthz" or "/readyz" or "/livez":
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", ct).ConfigureAwait(false);
                return true;
            case "/version":
                await HttpJson.WriteAsync(context, 200, DiscoveryDocuments.Version(), ct).ConfigureAwait(false);
                return true;
            case "/api":
                await HttpJson.WriteAsync(context, 200, DiscoveryDocuments.CoreVersions(context.Request.Host.Value ?? "127.0.0.1"), ct).ConfigureAwait(false);
                return true;
            case "/apis":
                await HttpJson.WriteAsync(context, 200, DiscoveryDocuments.GroupList(registry), ct).ConfigureAwait(false);
                return true;
            case "/openapi/v3":
                await HttpJson.WriteAsync(context, 200, OpenApiDocuments.Root(registry), ct).ConfigureAwait(false);
                return true;
            case "/openapi/v2":
                throw KubeApiException.NotFoundPath();
        }
        if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal))
        {
            var parts = path["/openapi/v3/".Length..].Split('/');
            var doc = parts switch
            {
                ["api", var v] => OpenApiDocuments.Document(registry, "", v),
                ["apis", var g, var v] => OpenApiDocuments.Document(registry, g, v),
                _ => null,
            } ?? throw KubeApiException.NotFoundPath();
            await HttpJson.WriteAsync(context, 200, doc, ct).ConfigureAwait(false);
            return true;
        }
        var segments = path.Trim('/').Split('/');
        var discovery = segments switch
        {
            ["api", var v] => DiscoveryDocuments.ResourceList(registry, "", v),
            ["apis", var g] => DiscoveryDocuments.Group(registry, g),
            ["apis", var g, var v] => DiscoveryDocuments.ResourceList(registry, g, v),
            _ => null,
        };
        if (discovery is not null)
        {
            await HttpJson.WriteAsync(context, 200, discovery, ct).ConfigureAwait(false);
            return true;
        }
        return segments is ["api", _] or ["apis", _] or ["apis", _, _] ? throw KubeApiException.NotFoundPath() : false;
    }

    private async Task ResourceAsync(HttpContext context, string path, CancellationToken ct)
    {
        var target = RequestTarget.Parse(path) ?? throw KubeApiException.NotFoundPath();
        // Logged before the resource is looked up: authorization comes first in kube-apiserver too.
        var watching = target.WatchPath || context.Request.Query["watch"] is var wq && (wq == "true" || wq == "1");
        requests.Add(time.GetUtcNow(), KubeRequest.VerbOf(context.Request.Method, target.Name is not null, watching), target, context.Request.Headers.UserAgent.ToString());
        var type = registry.Find(target.Group, target.Version, target.Resource) ?? throw KubeApiException.NotFoundPath();
        if (!type.Namespaced && target.Namespace is not null)
        {
            throw KubeApiException.NotFoundPath();
        }
        var method = context.Request.Method;
        if (method == "GET" && watching)
        {
            await watches.WatchAsync(context, type, target, ct).ConfigureAwait(false);
        }
        else if (method == "GET" && target.Name is null)
        {
            await reads.ListAsync(context, type, target, ct).ConfigureAwait(false);
        }
        else if (method == "GET")
        {
            await reads.GetAsync(context, type, target, ct).ConfigureAwait(false);
        }
        else
        {
            await writes.HandleAsync(context, type, target, ct).ConfigureAwait(false);
        }
    }
}
