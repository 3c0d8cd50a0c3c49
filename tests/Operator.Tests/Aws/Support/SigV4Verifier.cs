using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>
/// An independent AWS Signature Version 4 verifier (written from the published algorithm, sharing no code with the
/// SDK): canonical request, string to sign, the HMAC key chain, and the payload hash checked against the body.
/// </summary>
internal static class SigV4Verifier
{
    public static SigV4Result Verify(CapturedRequest request, string secretKey, string? expectedSessionToken, bool s3 = false)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return new(false, "no AWS4-HMAC-SHA256 Authorization header");
        }

        var fields = authorization["AWS4-HMAC-SHA256 ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var credential = fields["Credential"].Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request")
        {
            return new(false, "malformed credential scope");
        }

        var (accessKey, date, region, service) = (credential[0], credential[1], credential[2], credential[3]);
        var signedHeaders = fields["SignedHeaders"].Split(';');
        var amzDate = request.Header("x-amz-date");
        if (amzDate is null || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return new(false, "x-amz-date missing or not on the credential date");
        }

        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date"))
        {
            return new(false, "host and x-amz-date must be signed");
        }

        var token = request.Header("x-amz-security-token");
        if (expectedSessionToken is not null && (token != expectedSessionToken || !signedHeaders.Contains("x-amz-security-token")))
        {
            return new(false, "session token missing, wrong or unsigned");
        }

        if (expectedSessionToken is null && token is not null)
        {
            return new(false, "unexpected session token");
        }

        var bodyHash = Hex(SHA256.HashData(request.Body));
        var declared = request.Header("x-amz-content-sha256");
        if (declared is not null && declared != "UNSIGNED-PAYLOAD" && declared != bodyHash)
        {
            return new(false, "body does not match x-amz-content-sha256");
        }

        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalPath(request.RawUrl, s3)).Append('\n')
            .Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            if (request.Header(name) is not { } value)
            {
                return new(false, $"signed header {name} is missing");
            }

            canonical.Append(name).Append(':').Append(string.Join(" ", value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(";", signedHeaders)).Append('\n').Append(declared ?? bodyHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return expected == fields["Signature"]
            ? new(true, "ok", accessKey, region, service, signedHeaders)
            : new(false, "signature mismatch", accessKey, region, service, signedHeaders);
    }

    private static string CanonicalPath(string rawUrl, bool s3)
    {
        var path = rawUrl.Split('?')[0];
        if (path.Length == 0)
        {
            return "/";
        }

        // Each segment is URI-encoded once more, except for S3 (the published rule).
        return s3 ? path : string.Join("/", path.Split('/').Select(Encode));
    }

    private static string CanonicalQuery(string query) =>
        string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => (Key: Encode(Uri.UnescapeDataString(kv[0])), Value: Encode(kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "")))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));

    private static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
