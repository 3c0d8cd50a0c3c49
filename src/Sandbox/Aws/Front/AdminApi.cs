using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Microsoft.AspNetCore.Http;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>
/// The unsigned admin API under <c>/_sim/</c>, loopback callers only:
/// <list type="bullet">
/// <item><c>GET /_sim/health</c>: <c>{"status":"ok","time":...,"services":[...]}</c></item>
/// <item><c>GET /_sim/state</c>: the state dump (secrets redacted)</item>
/// <item><c>GET /_sim/calls?service=&amp;action=&amp;since=N</c>: the call log as JSON (calls with sequence &gt; N);
/// <c>DELETE /_sim/calls</c> clears it</item>
/// <item><c>GET /_sim/faults</c>; <c>POST /_sim/faults</c> with a rule (<c>{"kind":"Throttle|ServerError|Latency|Outage",
/// "service","action","fraction","latencyMs","from","until","durationSeconds","count","code","statusCode"}</c>) or a
/// special fault (<c>{"kind":"Consistency","service","windowSeconds"}</c>, <c>{"kind":"BreakVersion","versionLabel",
/// "mode":"Http500|Slow|Refuse"}</c>, <c>{"kind":"FixVersion","versionLabel"}</c>, <c>{"kind":"FailInstance",
/// "environmentId","instanceId"?}</c>, <c>{"kind":"RecoverInstances","environmentId"}</c>);
/// <c>DELETE /_sim/faults</c> clears every fault, <c>DELETE /_sim/faults/{id}</c> removes one rule</item>
/// </list>
/// </summary>
internal sealed class AdminApi(SimWorld world, bool enabled)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task HandleAsync(HttpContext context, CancellationToken ct)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (!enabled || (remote is not null && !IPAddress.IsLoopback(remote)))
        {
            await WriteAsync(context, 404, new JsonObject { ["error"] = "not found" }, ct);
            return;
        }

        var path = context.Request.Path.Value!.TrimEnd('/');
        var method = context.Request.Method;
        try
        {
            switch (method, path)
            {
                case ("GET", "/_sim/health"):
                    await WriteAsync(context, 200, new JsonObject
                    {
                        ["status"] = "ok",
                        ["time"] = world.Time.GetUtcNow().ToString("O"),
                        ["region"] = world.Region,
                        ["services"] = new JsonArray([.. world.Services.Select(s => (JsonNode)s.SigningName)]),
                    }, ct);
                    break;
                case ("GET", "/_sim/state"):
                    await WriteAsync(context, 200, world.DumpState(), ct);
                    break;
                case ("GET", "/_sim/calls"):
                    await WriteAsync(context, 200, CallsJson(context.Request.Query), ct);
                    break;
                case ("DELETE", "/_sim/calls"):
                    world.Calls.Clear();
                    context.Response.StatusCode = 204;
                    break;
                case ("GET", "/_sim/faults"):
                    await WriteAsync(context, 200, world.FaultsJson(), ct);
                    break;
                case ("POST", "/_sim/faults"):
                    var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: ct) as JsonObject
                        ?? throw new FormatException("expected a JSON object");
                    await WriteAsync(context, 201, AddFault(body), ct);
                    break;
                case ("DELETE", "/_sim/faults"):
                    world.Faults.Clear();
                    context.Response.StatusCode = 204;
                    break;
                case ("DELETE", _) when path.StartsWith("/_sim/faults/", StringComparison.Ordinal):
                    var removed = world.Faults.Remove(path["/_sim/faults/".Length..]);
                    context.Response.StatusCode = removed ? 204 : 404;
                    break;
                default:
                    await WriteAsync(context, 404, new JsonObject { ["error"] = $"no admin endpoint {method} {path}" }, ct);
                    break;
            }
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = error.Message }, ct);
        }
    }

    private JsonObject AddFault(JsonObject body)
    {
        var kind = ((string?)body["kind"] ?? "").ToLowerInvariant();
        string Required(string name) => (string?)body[name] ?? throw new FormatException($"{name} is required");
        switch (kind)
        {
            case "consistency":
                world.Faults.SetConsistencyWindow(Required("service"), TimeSpan.FromSeconds((double?)body["windowSeconds"] ?? 0));
                return world.FaultsJson();
            case "breakversion":
                var mode = Enum.Parse<VersionFaultMode>((string?)body["mode"] ?? nameof(VersionFaultMode.Http500), ignoreCase: true);
                world.Faults.BreakVersion(Required("versionLabel"), mode);
                return world.FaultsJson();
            case "fixversion":
                world.Faults.FixVersion(Required("versionLabel"));
                return world.FaultsJson();
            case "failinstance":
                world.Faults.FailInstance(Required("environmentId"), (string?)body["instanceId"]);
                return world.FaultsJson();
            case "recoverinstances":
                world.Faults.RecoverInstances(Required("environmentId"));
                return world.FaultsJson();
            default:
                return FaultJson.ToJson(world.Faults.Add(FaultJson.FromJson(body, world.Time.GetUtcNow())));
        }
    }

    private JsonArray CallsJson(IQueryCollection query)
    {
        var service = query["service"].FirstOrDefault();
        var action = query["action"].FirstOrDefault();
        var since = long.TryParse(query["since"].FirstOrDefault(), out var s) ? s : 0;
        return new JsonArray([.. world.Calls.Find(NullIfEmpty(service), NullIfEmpty(action))
            .Where(c => c.Sequence > since)
            .Select(c => (JsonNode)new JsonObject
            {
                ["sequence"] = c.Sequence,
                ["time"] = c.Time.ToString("O"),
                ["service"] = c.Service,
                ["action"] = c.Action,
                ["parameters"] = new JsonObject(c.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["outcome"] = c.Outcome,
                ["statusCode"] = c.StatusCode,
                ["requestId"] = c.RequestId,
                ["injected"] = c.Injected,
            })]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(Indented), ct);
    }
}
