using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Ebops.Sandbox.Load;

/// <summary>
/// One client of the load generator: its own HTTP connection handling (one kept-alive connection, or a new connection
/// per request), its own DNS cache for host-name targets (consulted each time it connects), and the recording of each
/// request into the timeline.
/// </summary>
internal sealed class LoadClient : IDisposable
{
    private readonly LoadTarget target;
    private readonly LoadTimeline timeline;
    private readonly DnsCache? dns;
    private readonly Uri uri;
    private readonly TimeSpan timeout;
    private readonly HttpClient http;

    public LoadClient(int index, LoadTarget target, LoadTimeline timeline, LoadOptions options, bool newConnection, bool cacheDnsForever)
    {
        Index = index;
        this.target = target;
        this.timeline = timeline;
        NewConnection = newConnection;
        dns = target.Resolver?.CreateCache(cacheDnsForever);
        uri = target.UriFor(options.Path);
        timeout = options.RequestTimeout;
        http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = newConnection ? TimeSpan.Zero : Timeout.InfiniteTimeSpan,
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public int Index { get; }

    public bool NewConnection { get; }

    public bool CachesDnsForever => dns?.CachesForever ?? false;

    /// <summary>Sends one request and records it (not when <paramref name="cancellationToken"/> stopped it).</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        var started = timeline.Now;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (NewConnection)
            {
                request.Headers.ConnectionClose = true;
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var ok = status is >= 200 and < 300;
            Record(started, status, ok ? LoadFailure.None : LoadFailure.HttpStatus, ok ? VersionOf(body) : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the request is not part of the measurement.
        }
        catch (OperationCanceledException)
        {
            Record(started, 0, LoadFailure.Timeout, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            Record(started, 0, Classify(e), null);
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>Maps a transport failure to its kind (the socket error when there is one).</summary>
    internal static LoadFailure Classify(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => LoadFailure.Refused,
                    SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => LoadFailure.Reset,
                    SocketError.HostNotFound or SocketError.NoData => LoadFailure.Dns,
                    SocketError.TimedOut => LoadFailure.Timeout,
                    _ => LoadFailure.Other,
                };
            }
        }

        return e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } or IOException
            ? LoadFailure.Reset
            : LoadFailure.Other;
    }

    // The "version" member of the instance's JSON answer; null when the body is not that.
    private static string? VersionOf(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("version") && reader.Read())
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private void Record(TimeSpan started, int status, LoadFailure failure, string? version) =>
        timeline.Record(Index, started, status, failure, version, NewConnection, CachesDnsForever);

    // Each new connection resolves the target again (through this client's cache), as a client process would.
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = target.Resolve(dns) ?? throw new SocketException((int)SocketError.HostNotFound);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
