using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>An HTTP server on loopback that records every request and answers with a scripted handler, so the whole
/// client pipeline (marshalling, signing, retries, unmarshalling) runs over real HTTP.</summary>
internal sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Func<CapturedRequest, ServerReply> handler;
    private readonly Task loop;

    public LoopbackAwsServer(Func<CapturedRequest, ServerReply> handler)
    {
        this.handler = handler;
        (listener, Url) = Listen();
        loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// HttpListener cannot bind port 0, so a free port is picked first; another test may take it before Start, in which
    /// case the next free port is tried (parallel tests made this flaky).
    /// </summary>
    private static (HttpListener Listener, string Url) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var candidate = new HttpListener();
            candidate.Prefixes.Add(url);
            try
            {
                candidate.Start();
                return (candidate, url);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                candidate.Close();
            }
        }
    }

    public string Url { get; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public CapturedRequest Last => Requests.Last();

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            context.Request.InputStream.CopyTo(body);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in context.Request.Headers.AllKeys)
            {
                headers[name!.ToLowerInvariant()] = context.Request.Headers[name]!;
            }

            var url = context.Request.Url!;
            var captured = new CapturedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", url.AbsolutePath, url.Query.TrimStart('?'), headers, body.ToArray());
            Requests.Enqueue(captured);
            var reply = handler(captured);
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[k] = v;
            }

            context.Response.Headers["x-amzn-RequestId"] = "loopback-request";
            if (captured.Method != "HEAD")
            {
                context.Response.ContentLength64 = bytes.Length;
                context.Response.OutputStream.Write(bytes);
            }

            context.Response.Close();
        }
        catch (Exception)
        {
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
                // The client went away.
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed HttpListener re-resolves its endpoint while closing; when another test has meanwhile bound the
            // same port it throws "Address already in use". The listener is closed either way.
        }

        try
        {
            await loop;
        }
        catch (Exception)
        {
            // Stopping the listener faults the pending accept.
        }
    }
}
