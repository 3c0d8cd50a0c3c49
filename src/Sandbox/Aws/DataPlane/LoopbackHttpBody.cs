using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>Reads a request body off the connection: exactly Content-Length bytes, or chunked transfer coding.</summary>
internal static class LoopbackHttpBody
{
    /// <summary>Longest chunk-size line accepted (the server's head limit).</summary>
    private const int MaxLineBytes = 64 * 1024;

    public static async Task<byte[]> ReadExactlyAsync(PipeReader reader, long length, CancellationToken token)
    {
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            if (result.Buffer.Length >= length)
            {
                var body = result.Buffer.Slice(0, length);
                var bytes = body.ToArray();
                reader.AdvanceTo(body.End);
                return bytes;
            }

            if (result.IsCompleted)
            {
                throw new InvalidDataException("connection closed inside a request body");
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    public static async Task<byte[]> ReadChunkedAsync(PipeReader reader, CancellationToken token)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(reader, token).ConfigureAwait(false);
            var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var size = Convert.ToInt64(semicolon >= 0 ? sizeLine[..semicolon].Trim() : sizeLine.Trim(), 16);
            if (size == 0)
            {
                // Trailers end with an empty line.
                while ((await ReadLineAsync(reader, token).ConfigureAwait(false)).Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(reader, size, token).ConfigureAwait(false));
            await ReadLineAsync(reader, token).ConfigureAwait(false);
        }
    }

    private static async Task<string> ReadLineAsync(PipeReader reader, CancellationToken token)
    {
        while (true)
        {
            var result = await reader.ReadAsync(token).ConfigureAwait(false);
            var position = result.Buffer.PositionOf((byte)'\n');
            if (position is { } newline)
            {
                var line = Encoding.Latin1.GetString(result.Buffer.Slice(0, newline)).TrimEnd('\r');
                reader.AdvanceTo(result.Buffer.GetPosition(1, newline));
                return line;
            }

            if (result.IsCompleted || result.Buffer.Length > MaxLineBytes)
            {
                throw new InvalidDataException("bad chunk framing");
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
