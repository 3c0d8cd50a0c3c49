using System.Net.Sockets;
using System.Text;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

public sealed class LoopbackHttpServerTests
{
    [Fact]
    public async Task Keeps_the_connection_alive_answers_100_continue_and_reads_chunked_bodies()
    {
        var ct = TestContext.Current.CancellationToken;
        var bodies = new List<string>();
        await using var server = new LoopbackHttpServer((request, _) =>
        {
            bodies.Add(Encoding.UTF8.GetString(request.Body));
            return ValueTask.FromResult(LoopbackHttpResponse.Text(200, "text/plain", $"got {request.Body.Length}"));
        });
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Endpoint, ct);
        await using var stream = new NetworkStream(socket);

        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"), ct);
        Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\n", await ReadAsync(stream, "\r\n\r\n", ct), StringComparison.Ordinal);

        await stream.WriteAsync("hello"u8.ToArray(), ct);
        var first = await ReadAsync(stream, "got 5", ct);
        Assert.Contains("Connection: keep-alive", first, StringComparison.Ordinal);

        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"), ct);
        var second = await ReadAsync(stream, "got 5", ct);
        Assert.Contains("Connection: close", second, StringComparison.Ordinal);
        Assert.Equal(0, await stream.ReadAsync(new byte[16], ct));
        Assert.Equal(["hello", "abcde"], bodies);
    }

    private static async Task<string> ReadAsync(NetworkStream stream, string until, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        while (!text.ToString().EndsWith(until, StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, ct) == 0)
            {
                break;
            }

            text.Append((char)buffer[0]);
        }

        return text.ToString();
    }
}
