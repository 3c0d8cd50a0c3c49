using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// A small HTTP/1.1 server on a loopback socket: persistent connections, Content-Length and chunked request bodies,
/// one async loop per connection (no thread per connection). Kestrel would work too, but the data plane starts one
/// server per simulated instance and hundreds may exist in a benchmark, so start-up cost and footprint matter more
/// than protocol coverage here (no TLS, no HTTP/2, no upgrades).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly Socket listener;
    private readonly Func<LoopbackHttpRequest, CancellationToken, ValueTask<LoopbackHttpResponse>> handler;
    private readonly Func<bool> refuse;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Socket, byte> connections = new();
    private readonly Task acceptLoop;
    private readonly TimeProvider time;
    private int disposed;
    private long accepted;

    /// <param name="handler">Answers each request.</param>
    /// <param name="refuse">When it returns true, new connections are reset on accept and open ones on their next request
    /// (a crashed or hung process as a client sees it).</param>
    /// <param name="port">0 for an ephemeral port.</param>
    /// <param name="time">Clock for <see cref="ConnectionLifetime"/>.</param>
    public LoopbackHttpServer(
        Func<LoopbackHttpRequest, CancellationToken, ValueTask<LoopbackHttpResponse>> handler,
        Func<bool>? refuse = null,
        int port = 0,
        TimeProvider? time = null)
    {
        this.handler = handler;
        this.time = time ?? TimeProvider.System;
        this.refuse = refuse ?? (static () => false);
        listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(512);
        Endpoint = (IPEndPoint)listener.LocalEndPoint!;
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The loopback address and port the server listens on.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>
    /// How long a client connection is kept alive: the first response after this age carries <c>Connection: close</c>
    /// and the connection closes gracefully (ALB's <c>client_keep_alive.seconds</c>). Infinite by default.
    /// </summary>
    public TimeSpan ConnectionLifetime { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Open client connections.</summary>
    public int OpenConnections => connections.Count;

    /// <summary>Client connections accepted and served so far (refused ones not counted).</summary>
    public long AcceptedConnections => Interlocked.Read(ref accepted);

    /// <summary>Resets every open connection (used when an instance starts refusing).</summary>
    public void AbortConnections()
    {
        foreach (var socket in connections.Keys)
        {
            Abort(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        AbortConnections();
        try
        {
            await acceptLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loop ends with the listener; nothing to report.
        }

        stop.Dispose();
    }

    internal static void Abort(Socket socket)
    {
        try
        {
            // Linger 0 makes Close send RST, which is what a client sees from a dead process.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            if (refuse())
            {
                Abort(socket);
                continue;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref accepted);
            connections[socket] = 0;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var token = stop.Token;
        var openedAt = time.GetTimestamp();
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            while (!token.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(reader, stream, (IPEndPoint?)socket.RemoteEndPoint, token).ConfigureAwait(false);
                if (request is null)
                {
                    break;
                }

                if (refuse())
                {
                    Abort(socket);
                    return;
                }

                LoopbackHttpResponse response;
                try
                {
                    response = await handler(request, token).ConfigureAwait(false);
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    response = LoopbackHttpResponse.Text(500, "text/plain", "internal error") with { Close = true };
                }

                if (refuse())
                {
                    Abort(socket);
                    return;
                }

                var lifetime = ConnectionLifetime;
                var close = request.WantsClose || response.Close
                    || (lifetime != Timeout.InfiniteTimeSpan && time.GetElapsedTime(openedAt) >= lifetime);
                await WriteResponseAsync(stream, response, close, request.Method == "HEAD", token).ConfigureAwait(false);
                if (close)
                {
                    socket.Shutdown(SocketShutdown.Send);
                    break;
                }
            }

            await reader.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away or sent garbage; the connection simply ends.
        }
        finally
        {
            connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private static async Task<LoopbackHttpRequest?> ReadRequestAsync(PipeReader reader, Stream stream, IPEndPoint? remote, CancellationToken token)
    {
        if (await ReadHeadAsync(reader, token).ConfigureAwait(false) is not { } head)
        {
            return null;
        }

        var request = ParseHead(head, remote);
        if (request.Header("Expect") is { } expect && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            // curl and others wait for this before sending a large body.
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), token).ConfigureAwait(false);
        }

        if (request.Header("Transfer-Encoding") is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return request with { Body = await LoopbackHttpBody.ReadChunkedAsync(reader, token).ConfigureAwait(false) };
        }

        if (request.Header("Content-Length") is { } lengthText && long.TryParse(lengthText, out var length) && length > 0)
        {
            return request with { Body = await LoopbackHttpBody.ReadExactlyAsync(reader, length, token).ConfigureAwait(false) };
        }

        return request;
    }

    /// <summary>The request line and headers, or null when the client closed the connection between requests.</summary>
    private static async Task<string?> ReadHeadAsync(PipeReader reader, CancellationToken token)
    {
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadHead(buffer, out var head, out var consumed))
            {
                reader.AdvanceTo(consumed);
                return head;
            }

            if (result.IsCompleted)
            {
                if (buffer.Length > 0)
                {
                    throw new InvalidDataException("connection closed inside a request head");
                }

                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (buffer.Length > MaxHeaderBytes)
            {
                throw new InvalidDataException("request head too large");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static LoopbackHttpRequest ParseHead(string head, IPEndPoint? remote)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("bad request line");
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
        }

        return new LoopbackHttpRequest(requestLine[0], requestLine[1], requestLine[2], headers, [], remote);
    }

    private static bool TryReadHead(ReadOnlySequence<byte> buffer, out string head, out SequencePosition consumed)
    {
        var sequence = new SequenceReader<byte>(buffer);
        if (sequence.TryReadTo(out ReadOnlySequence<byte> headBytes, HeaderEnd, advancePastDelimiter: true))
        {
            head = Encoding.Latin1.GetString(headBytes);
            consumed = sequence.Position;
            return true;
        }

        head = string.Empty;
        consumed = buffer.Start;
        return false;
    }

    private static async Task WriteResponseAsync(Stream stream, LoopbackHttpResponse response, bool close, bool headOnly, CancellationToken token)
    {
        var head = new StringBuilder(256);
        head.Append("HTTP/1.1 ").Append(response.StatusCode).Append(' ').Append(ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
        head.Append("Connection: ").Append(close ? "close" : "keep-alive").Append("\r\n\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        if (headOnly || response.Body.Length == 0)
        {
            await stream.WriteAsync(headBytes, token).ConfigureAwait(false);
        }
        else
        {
            // One write keeps head and body in one segment for small responses (Nagle is off).
            var all = new byte[headBytes.Length + response.Body.Length];
            headBytes.CopyTo(all, 0);
            response.Body.CopyTo(all, headBytes.Length);
            await stream.WriteAsync(all, token).ConfigureAwait(false);
        }

        await stream.FlushAsync(token).ConfigureAwait(false);
    }
}
