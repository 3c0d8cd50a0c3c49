using System.Globalization;
using System.Text;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (S3 streaming uploads: <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]</c>,
/// <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>): <c>hex-size[;chunk-signature=...]\r\n data \r\n ... 0...\r\n trailers \r\n</c>.
/// Chunk signatures are not verified (the seed signature over the headers is); see docs/simulator.md.
/// </summary>
internal static class AwsChunkedDecoder
{
    public static byte[] Decode(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new FormatException("aws-chunked: missing chunk header terminator");
            }

            var header = Encoding.ASCII.GetString(body.Slice(position, lineEnd));
            position += lineEnd + 2;
            var sizeText = header.Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                break;
            }

            if (position + size > body.Length)
            {
                throw new FormatException("aws-chunked: chunk longer than the body");
            }

            output.Write(body.Slice(position, size));
            position += size + 2;
        }

        return output.ToArray();
    }
}
