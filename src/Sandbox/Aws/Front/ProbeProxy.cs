using System.Net;
using Ebops.Sandbox.Aws.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>
/// The simulator's endpoint as an HTTP forward proxy for the DNS names it invents, which resolve nowhere. A request in
/// absolute form (RFC 9112 §3.2.2: <c>GET http://web-green.ap-northeast-2.elasticbeanstalk.com/health HTTP/1.1</c>, as
/// <c>curl -x</c> and HttpClient with a WebProxy send it) for an EB CNAME (<c>*.elasticbeanstalk.com</c>, following
/// SwapEnvironmentCNAMEs: the environment's ALB) or a load balancer DNS name (<c>*.elb.amazonaws.com</c>,
/// <c>*.elb.&lt;region&gt;.amazonaws.com</c>) goes to that load balancer's loopback listener on the requested port, on a
/// new connection each time (so an NLB chooses by weight per probe). A simulated name nothing answers to gets 502, any
/// other host 403: this is no open proxy. Requests in origin form, and absolute-form ones for the simulator itself,
/// are AWS API calls as before. The names come from <paramref name="resolve"/> (the simulator's root knows the services
/// that own them; the front end does not).
/// </summary>
internal sealed class ProbeProxy(SimWorld world, Func<string, int, ProbeRoute> resolve, ILogger logger) : IDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", "Content-Length",
    };

    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.Zero,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The absolute-form target of a proxy request; null for origin form and for requests to the simulator itself.</summary>
    public Uri? ProxyTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(raw, UriKind.Absolute, out var target))
        {
            return null;
        }

        var self = world.Endpoint is { } endpoint && target.Port == endpoint.Port
            && (target.IsLoopback || string.Equals(target.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase));
        return self ? null : target;
    }

    /// <summary>The origin form of a request target (<c>/path?query</c>): absolute form loses its scheme and authority.</summary>
    public static string OriginForm(string rawTarget)
    {
        if (!rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return rawTarget;
        }

        var pathStart = rawTarget.IndexOfAny(['/', '?'], rawTarget.IndexOf("//", StringComparison.Ordinal) + 2);
        return pathStart < 0 ? "/" : rawTarget[pathStart] == '?' ? "/" + rawTarget[pathStart..] : rawTarget[pathStart..];
    }

    public async Task HandleAsync(HttpContext context, Uri target, CancellationToken ct)
    {
        var (simulated, loopback) = resolve(target.IdnHost, target.Port);
        if (loopback is null)
        {
            Log.ProbeUnresolved(logger, target.Host, target.Port, simulated);
            await AnswerAsync(context, simulated ? 502 : 403, simulated
                ? $"No simulated load balancer or environment answers to {target.Host}:{target.Port}.\n"
                : $"The simulator proxies only its own DNS names (*.elasticbeanstalk.com, *.elb.amazonaws.com), not {target.Host}.\n", ct);
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var forwarded = Forwarded(context.Request, target, new Uri($"http://{loopback}{OriginForm(raw)}"));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException error)
        {
            Log.ProbeFailed(logger, target.Host, target.Port, loopback, error.Message);
            await AnswerAsync(context, 502, $"The simulated load balancer at {target.Host}:{target.Port} did not answer: {error.Message}\n", ct);
            return;
        }

        using (response)
        {
            Log.ProbeForwarded(logger, context.Request.Method, target.Host, target.Port, loopback, (int)response.StatusCode);
            await CopyAsync(response, context, ct);
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>The request as the load balancer receives it: the client's headers and body, minus hop-by-hop ones.</summary>
    private static HttpRequestMessage Forwarded(HttpRequest request, Uri target, Uri upstream)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), upstream);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(request.Body);
        }

        var listed = request.Headers.Connection.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var skip = new HashSet<string>(HopByHop.Concat(listed), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            if (!skip.Contains(name) && !message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        message.Headers.Host = target.IsDefaultPort ? target.Host : target.Authority;
        message.Headers.TryAddWithoutValidation("Via", "1.1 ebops-simulator");
        return message;
    }

    private static async Task CopyAsync(HttpResponseMessage response, HttpContext context, CancellationToken ct)
    {
        var http = context.Response;
        http.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                http.Headers[name] = values.ToArray();
            }
        }

        if (response.Content.Headers.ContentLength is { } length)
        {
            http.ContentLength = length;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Content.CopyToAsync(http.Body, ct);
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string text, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, ct);
    }
}
