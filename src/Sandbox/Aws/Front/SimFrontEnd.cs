using System.Net;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.S3;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>
/// The request pipeline: probe proxy (absolute-form requests for simulated DNS names), admin API, SigV4, protocol
/// parsing (Query form / S3 REST), Version check, rate limits, fault injection, handler, error rendering, call log. Every outcome
/// that reaches a service is logged, including rejected ones.
/// </summary>
internal sealed class SimFrontEnd(SimWorld world, SigV4Verifier verifier, AdminApi admin, ProbeProxy probes, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        if (probes.ProxyTarget(context) is { } target)
        {
            await probes.HandleAsync(context, target, ct);
            return;
        }

        if (request.Path.StartsWithSegments("/_sim"))
        {
            await admin.HandleAsync(context, ct);
            return;
        }

        var body = await ReadBodyAsync(request, ct);
        var rawTarget = ProbeProxy.OriginForm(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString);
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];
        var headers = request.Headers.ToDictionary(
            h => h.Key.ToLowerInvariant(),
            h => (IReadOnlyList<string>)h.Value.Select(v => v ?? "").ToList());

        var auth = verifier.Verify(new SigV4Input(request.Method, rawPath, rawQuery, headers, body));
        var service = auth.Service ?? GuessService(request, body);
        var info = SimServiceInfo.For(service);
        var requestId = info.Protocol == SimProtocol.RestXml ? world.Ids.S3RequestId() : world.Ids.RequestId();

        // Resolve the action first so that even rejected calls are logged under it.
        var (action, parameters, decodedPath) = Route(info, request, rawPath, rawQuery, body);
        var redacted = SimRedaction.Redact(parameters);
        var call = new SimRequest(service, action, parameters, requestId, auth.Region ?? world.Region, auth.AccessKeyId ?? "",
            request.Method, decodedPath,
            headers.ToDictionary(h => h.Key, h => h.Value.Count > 0 ? h.Value[0] : "", StringComparer.OrdinalIgnoreCase),
            body);
        var (response, injected) = await AnswerAsync(info, auth, call, request, ct);

        var outcome = response.StatusCode < 300 ? SimCall.Ok : ErrorCodeOf(response);
        world.Calls.Add(world.Time.GetUtcNow(), service, action, redacted, outcome, response.StatusCode, requestId, injected);
        Log.Handled(logger, service, action, response.StatusCode, outcome, requestId);
        await WriteAsync(context, info, response, requestId, ct);
    }

    /// <summary>The action, parameters and decoded path: S3 from its REST route, the Query services from the form.</summary>
    private static (string Action, Dictionary<string, string> Parameters, string DecodedPath) Route(
        SimServiceInfo info, HttpRequest request, string rawPath, string rawQuery, ReadOnlyMemory<byte> body)
    {
        var decodedPath = Uri.UnescapeDataString(rawPath.Length == 0 ? "/" : rawPath);
        if (info.Protocol != SimProtocol.RestXml)
        {
            var form = ParseForm(rawQuery, body);
            return (form.GetValueOrDefault("Action") ?? "", form, decodedPath);
        }

        var query = SigV4Verifier.ParseQuery(rawQuery);
        var route = S3Route.Resolve(request.Method, decodedPath, request.Headers.Host.ToString(), query);
        var parameters = query.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        if (route.Bucket is not null)
        {
            parameters["Bucket"] = route.Bucket;
        }

        if (route.Key is not null)
        {
            parameters["Key"] = route.Key;
        }

        return (route.Operation, parameters, "/" + route.Bucket + (route.Key is null ? "" : "/" + route.Key));
    }

    /// <summary>Authentication, Version check, fault injection, then the handler; AWS errors become the service's error document.</summary>
    private async Task<(SimResponse Response, bool Injected)> AnswerAsync(SimServiceInfo info, SigV4Result auth, SimRequest call, HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (!auth.Succeeded)
            {
                Log.AuthRejected(logger, call.Service, auth.Failure, auth.AccessKeyId ?? "-");
                throw ProtocolErrors.ForAuth(info.Protocol, auth);
            }

            if (info.Protocol == SimProtocol.RestXml && IsAwsChunked(request, auth.PayloadHash))
            {
                call = call with { Body = DecodeChunked(call.Body, auth) };
            }

            if (info.Protocol != SimProtocol.RestXml)
            {
                var parameters = (Dictionary<string, string>)call.Parameters;
                CheckActionAndVersion(info, call.Action, parameters);
                parameters.Remove("Action");
                parameters.Remove("Version");
            }

            var handler = world.HandlerFor(call.Service)
                ?? throw new AwsSimException(SimErrors.InvalidAction, $"The simulator does not implement the service '{call.Service}'.");
            if (world.RateLimits.TryTake(call.Service, call.Action, call.Parameters) is { } limit)
            {
                Log.RateLimited(logger, call.Service, call.Action, limit.Name);
                return (ErrorRenderer.Render(info, ProtocolErrors.ForRateLimit(info.Protocol), call.RequestId), false);
            }

            var decision = world.Faults.Decide(call.Service, call.Action);
            if (decision.Delay > TimeSpan.Zero)
            {
                await world.Faults.DelayAsync(decision.Delay, ct);
            }

            if (decision.Failure is { } fault)
            {
                Log.FaultInjected(logger, fault.Kind, fault.Id, call.Service, call.Action);
                return (ErrorRenderer.Render(info, ProtocolErrors.ForFault(info.Protocol, fault), call.RequestId), true);
            }

            var response = await handler.HandleAsync(call, ct);
            world.ResponseObserver?.Invoke(call, response);
            return (response, false);
        }
        catch (AwsSimException error)
        {
            return (ErrorRenderer.Render(info, error, call.RequestId), false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Log.HandlerCrashed(logger, error, call.Service, call.Action, call.RequestId);
            return (ErrorRenderer.Render(info,
                new AwsSimException(info.Protocol == SimProtocol.Query ? "InternalFailure" : "InternalError",
                    "The simulator failed to handle the request.", 500, senderFault: false),
                call.RequestId), false);
        }
    }

    private static void CheckActionAndVersion(SimServiceInfo info, string action, Dictionary<string, string> parameters)
    {
        if (action.Length == 0)
        {
            throw new AwsSimException("MissingAction", "Missing Action");
        }

        var version = parameters.GetValueOrDefault("Version");
        if (string.IsNullOrEmpty(version))
        {
            throw SimErrors.Missing("Version");
        }

        if (info.ApiVersion.Length > 0 && version != info.ApiVersion)
        {
            throw new AwsSimException(SimErrors.InvalidAction, $"Could not find operation {action} for version {version}");
        }
    }

    /// <summary>Query parameters from the query string and the form body (the body wins), form-decoded ('+' = space).</summary>
    private static Dictionary<string, string> ParseForm(string rawQuery, ReadOnlyMemory<byte> body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { rawQuery, System.Text.Encoding.UTF8.GetString(body.Span) })
        {
            foreach (var part in source.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=');
                var name = WebUtility.UrlDecode(eq < 0 ? part : part[..eq]);
                result[name] = WebUtility.UrlDecode(eq < 0 ? "" : part[(eq + 1)..]);
            }
        }

        return result;
    }

    /// <summary>Without a parseable credential scope the error shape follows the request's look.</summary>
    private static string GuessService(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body.Span);
        if (text.Contains("Action=", StringComparison.Ordinal) || request.Query.ContainsKey("Action"))
        {
            return text.Contains("Version=2016-11-15", StringComparison.Ordinal) ? "ec2" : "sts";
        }

        return "s3";
    }

    private static byte[] DecodeChunked(ReadOnlyMemory<byte> body, SigV4Result auth)
    {
        try
        {
            return AwsChunkedDecoder.Decode(body.Span, auth.PayloadHash, auth.Chunks);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new AwsSimException("SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.", 403);
        }
        catch (FormatException error)
        {
            throw new AwsSimException("IncompleteBody", error.Message);
        }
    }

    private static bool IsAwsChunked(HttpRequest request, string? payloadHash) =>
        payloadHash?.StartsWith("STREAMING-", StringComparison.Ordinal) == true
        || request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.OrdinalIgnoreCase);

    private static string ErrorCodeOf(SimResponse response)
    {
        const string open = "<Code>";
        var start = response.Body.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : response.Body.IndexOf("</Code>", start, StringComparison.Ordinal);
        return start >= 0 && end > start ? response.Body[(start + open.Length)..end] : "HTTP" + response.StatusCode;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, SimServiceInfo info, SimResponse response, string requestId, CancellationToken ct)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        if (info.Protocol == SimProtocol.RestXml)
        {
            http.Headers["x-amz-request-id"] = requestId;
            http.Headers["x-amz-id-2"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(requestId + requestId));
        }
        else
        {
            http.Headers["x-amzn-RequestId"] = requestId;
        }

        if (info.Protocol == SimProtocol.RestXml)
        {
            http.Headers.Server = "AmazonS3";
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Headers[name] = value;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        if (response.Bytes is { } bytes)
        {
            http.ContentType ??= response.ContentType;
            http.ContentLength = bytes.Length;
            await http.Body.WriteAsync(bytes, ct);
            return;
        }

        if (response.Body.Length > 0 || response.ContentType.Length > 0)
        {
            http.ContentType = response.ContentType;
        }

        var encoded = System.Text.Encoding.UTF8.GetBytes(response.Body);
        http.ContentLength = encoded.Length;
        await http.Body.WriteAsync(encoded, ct);
    }
}
