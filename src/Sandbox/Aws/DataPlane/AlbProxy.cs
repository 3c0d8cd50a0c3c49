using System.Globalization;
using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// An Application Load Balancer listener as a real HTTP reverse proxy on 127.0.0.1 (ephemeral port): keep-alive to
/// clients and to targets, round robin over the healthy targets of the target group it forwards to (with several
/// weighted groups, each request goes to a group chosen by weight), 503 when the group has no target (or the listener
/// none), 502 when a target refuses or resets, 504 when it does not answer within the idle timeout, as ALB does. The
/// forward can be switched at any time. Response times are measured on the simulator's clock.
/// </summary>
public sealed class AlbProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
        "Proxy-Authenticate", "Proxy-Authorization", "Content-Length", "Host",
    };

    private readonly LoopbackHttpServer server;
    private readonly HttpClient client;
    private readonly TimeProvider time;
    private readonly ForwardChooser chooser;
    private WeightedForward? forward;
    private long traceCounter;

    /// <param name="name">Load balancer name (for X-Amzn-Trace-Id and error pages).</param>
    /// <param name="time">Clock for the idle timeout.</param>
    /// <param name="idleTimeout">ALB's idle timeout (60 s by default on AWS).</param>
    /// <param name="seed">Seed of the weighted choice among target groups (null: random).</param>
    public AlbProxy(string name, TimeProvider time, TimeSpan? idleTimeout = null, int? seed = null)
    {
        Name = name;
        this.time = time;
        chooser = new ForwardChooser(seed, time);
        IdleTimeout = idleTimeout ?? TimeSpan.FromSeconds(60);
        client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
            MaxConnectionsPerServer = 256,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        server = new LoopbackHttpServer(HandleAsync, time: time) { ConnectionLifetime = TimeSpan.FromSeconds(3600) };
    }

    public string Name { get; }

    public TimeSpan IdleTimeout { get; set; }

    /// <summary>
    /// ALB's HTTP client keep-alive duration (attribute <c>client_keep_alive.seconds</c>, 3600 s by default): after it,
    /// the next response closes the client connection gracefully, so that kept-alive clients reconnect (and, behind an
    /// NLB, land on whatever target group the NLB listener points at by then).
    /// </summary>
    public TimeSpan ClientKeepAlive
    {
        get => server.ConnectionLifetime;
        set => server.ConnectionLifetime = value;
    }

    /// <summary>Where clients (or an NLB's alb-type target group) reach this ALB listener.</summary>
    public IPEndPoint Endpoint => server.Endpoint;

    public ProxyCounters Counters { get; } = new();

    /// <summary>Client connections this listener has accepted so far.</summary>
    public long AcceptedConnections => server.AcceptedConnections;

    /// <summary>The target groups the listener's default action forwards to, by weight per request (null: 503).
    /// Target group stickiness (a cookie on ALB) is not simulated.</summary>
    public WeightedForward? Forward
    {
        get => Volatile.Read(ref forward);
        set => Volatile.Write(ref forward, value);
    }

    /// <summary>
    /// A forward to one target group: setting it replaces <see cref="Forward"/>; reading it gives the only group of a
    /// single-group forward, else null.
    /// </summary>
    public TargetGroupRuntime? TargetGroup
    {
        get => Forward is { Groups: [var only] } ? only.Group : null;
        set => Forward = value is null ? null : WeightedForward.Single(value);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        client.Dispose();
    }

    private static LoopbackHttpResponse ElbError(int code)
    {
        var text = code switch
        {
            502 => "502 Bad Gateway",
            503 => "503 Service Temporarily Unavailable",
            _ => "504 Gateway Time-out",
        };
        return LoopbackHttpResponse.Text(
            code,
            "text/html",
            $"<html>\r\n<head><title>{text}</title></head>\r\n<body>\r\n<center><h1>{text}</h1></center>\r\n</body>\r\n</html>\r\n",
            new KeyValuePair<string, string>("Server", "awselb/2.0"));
    }

    /// <summary>The request as the ALB sends it to a target: hop-by-hop headers dropped, X-Forwarded-* and X-Amzn-Trace-Id added.</summary>
    private HttpRequestMessage ForwardedRequest(LoopbackHttpRequest request, IPEndPoint target)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"http://{target}{request.Target}"));
        if (request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Header("Host") is { } host)
        {
            message.Headers.Host = host;
        }

        var clientIp = request.RemoteEndPoint?.Address.ToString() ?? "127.0.0.1";
        var forwardedFor = request.Header("X-Forwarded-For");
        message.Headers.Remove("X-Forwarded-For");
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor is null ? clientIp : $"{forwardedFor}, {clientIp}");
        message.Headers.Remove("X-Forwarded-Proto");
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "http");
        message.Headers.Remove("X-Forwarded-Port");
        message.Headers.TryAddWithoutValidation("X-Forwarded-Port", "80");
        message.Headers.TryAddWithoutValidation(
            "X-Amzn-Trace-Id",
            string.Create(CultureInfo.InvariantCulture, $"Root=1-{time.GetUtcNow().ToUnixTimeSeconds():x8}-{Interlocked.Increment(ref traceCounter):x24}"));

        return message;
    }

    private async ValueTask<LoopbackHttpResponse> HandleAsync(LoopbackHttpRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var target = chooser.Choose(Forward, source: null)?.PickEndpoint();
        if (target is null)
        {
            Counters.Record(503, TimeSpan.Zero, fromLoadBalancer: true);
            return ElbError(503);
        }

        using var message = ForwardedRequest(request, target);
        using var timeout = new CancellationTokenSource(IdleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(header.Key))
                {
                    headers.AddRange(header.Value.Select(v => new KeyValuePair<string, string>(header.Key, v)));
                }
            }

            var code = (int)response.StatusCode;
            Counters.Record(code, time.GetElapsedTime(started), fromLoadBalancer: false);
            return new LoopbackHttpResponse(code, headers, body);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Counters.Record(504, time.GetElapsedTime(started), fromLoadBalancer: true);
            return ElbError(504);
        }
        catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException)
        {
            // SocketsHttpHandler lets a raw SocketException (ENOTCONN) out when a target resets the connection as it
            // is accepted; that is a target refusing, as much as a reset later on.
            Counters.Record(502, time.GetElapsedTime(started), fromLoadBalancer: true);
            return ElbError(502);
        }
    }
}
