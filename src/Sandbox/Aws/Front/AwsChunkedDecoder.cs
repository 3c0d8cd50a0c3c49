using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>
/// Decodes an <c>aws-chunked</c> body (S3 streaming uploads): <c>hex-size[;chunk-signature=sig]\r\n data \r\n</c> ...
/// a zero-size chunk, then optional trailers (<c>x-amz-checksum-crc32:...</c>, <c>x-amz-trailer-signature:...</c>).
/// With <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]</c> every chunk signature (chained from the seed signature)
/// and the trailer signature are verified; <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c> carries none.
/// Throws <see cref="FormatException"/> for a malformed body and <see cref="CryptographicException"/> for a bad signature.
/// </summary>
internal static class AwsChunkedDecoder
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static byte[] Decode(ReadOnlySpan<byte> body, string? payloadMode = null, ChunkSigning? signing = null)
    {
        var signed = signing is not null && payloadMode?.StartsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", StringComparison.Ordinal) == true;
        var previous = signing?.SeedSignature ?? "";
        using var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var header = ReadLine(body, ref position) ?? throw new FormatException("aws-chunked: missing chunk header");
            var parts = header.Split(';');
            var size = int.Parse(parts[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (position + size > body.Length)
            {
                throw new FormatException("aws-chunked: chunk longer than the body");
            }

            var data = body.Slice(position, size);
            if (signed)
            {
                var given = parts.Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("chunk-signature=", StringComparison.Ordinal))?[16..]
                    ?? throw new CryptographicException("aws-chunked: chunk without a signature");
                var expected = Sign(signing!, "AWS4-HMAC-SHA256-PAYLOAD", previous, EmptyHash + "\n" + Convert.ToHexStringLower(SHA256.HashData(data)));
                Check(expected, given);
                previous = expected;
            }

            output.Write(data);
            position += size;
            if (size == 0)
            {
                break;
            }

            position += 2;
        }

        // Trailers: header lines up to an empty line (or the end of the body).
        var trailers = new List<string>();
        while (ReadLine(body, ref position) is { Length: > 0 } line)
        {
            trailers.Add(line);
        }

        var trailerSignature = trailers.FirstOrDefault(t => t.StartsWith("x-amz-trailer-signature:", StringComparison.Ordinal));
        if (signed && trailerSignature is not null)
        {
            var canonical = string.Concat(trailers.Where(t => t != trailerSignature).Select(t => t.Trim() + "\n"));
            var expected = Sign(signing!, "AWS4-HMAC-SHA256-TRAILER", previous, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
            Check(expected, trailerSignature["x-amz-trailer-signature:".Length..].Trim());
        }

        return output.ToArray();
    }

    private static string Sign(ChunkSigning signing, string algorithm, string previous, string tail) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signing.SigningKey,
            Encoding.UTF8.GetBytes($"{algorithm}\n{signing.AmzDate}\n{signing.Scope}\n{previous}\n{tail}")));

    private static void Check(string expected, string given)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant())))
        {
            throw new CryptographicException("aws-chunked: chunk signature does not match");
        }
    }

    private static string? ReadLine(ReadOnlySpan<byte> body, ref int position)
    {
        if (position >= body.Length)
        {
            return null;
        }

        var end = body[position..].IndexOf("\r\n"u8);
        var length = end < 0 ? body.Length - position : end;
        var line = Encoding.ASCII.GetString(body.Slice(position, length));
        position += length + (end < 0 ? 0 : 2);
        return line;
    }
}
