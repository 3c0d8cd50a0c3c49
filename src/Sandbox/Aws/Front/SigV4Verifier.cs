using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>
/// Verifies AWS Signature Version 4 (Authorization header or presigned query), written from the published algorithm
/// and sharing nothing with any client: canonical request (method, URI, sorted query, signed headers, payload hash),
/// string to sign over the credential scope, HMAC-SHA256 key derivation, constant-time comparison.
/// </summary>
internal sealed class SigV4Verifier(IReadOnlyList<SimCredential> credentials, TimeProvider time, TimeSpan? maxSkew)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public SigV4Result Verify(SigV4Input input)
    {
        var query = ParseQuery(input.RawQuery);
        var presigned = query.Any(p => p.Key == "X-Amz-Algorithm");
        string? credential, signedHeaders, signature, amzDate, token;
        if (presigned)
        {
            credential = First(query, "X-Amz-Credential");
            signedHeaders = First(query, "X-Amz-SignedHeaders");
            signature = First(query, "X-Amz-Signature");
            amzDate = First(query, "X-Amz-Date");
            token = First(query, "X-Amz-Security-Token");
            if (First(query, "X-Amz-Algorithm") != Algorithm)
            {
                return new SigV4Result(SigV4Failure.Malformed, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
            }
        }
        else
        {
            var authorization = input.Header("authorization");
            if (authorization is null)
            {
                return new SigV4Result(SigV4Failure.Missing, "Request is missing Authentication Token");
            }

            if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            {
                return new SigV4Result(SigV4Failure.Malformed, "Only the AWS4-HMAC-SHA256 signature algorithm is supported");
            }

            var parts = authorization[(Algorithm.Length + 1)..]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            credential = parts.GetValueOrDefault("Credential");
            signedHeaders = parts.GetValueOrDefault("SignedHeaders");
            signature = parts.GetValueOrDefault("Signature");
            amzDate = input.Header("x-amz-date");
            token = input.Header("x-amz-security-token");
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            return new SigV4Result(SigV4Failure.Malformed,
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }

        var scopeParts = credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts[4] != "aws4_request")
        {
            return new SigV4Result(SigV4Failure.Malformed,
                $"Credential should be scoped to a valid region, not '{credential}'. ");
        }

        var (accessKeyId, scopeDate, region, service) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3]);
        SigV4Result Fail(SigV4Failure failure, string message) => new(failure, message, accessKeyId, region, service);

        var key = credentials.FirstOrDefault(c => c.AccessKeyId == accessKeyId);
        if (key is null || (key.SessionToken is not null && token != key.SessionToken))
        {
            return Fail(SigV4Failure.UnknownKey, "The security token included in the request is invalid.");
        }

        if (!TryGetSigningTime(input, amzDate, out var signedAt, out var dateForStringToSign))
        {
            return Fail(SigV4Failure.Malformed, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture) != scopeDate)
        {
            return Fail(SigV4Failure.BadSignature,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{signedAt:yyyyMMdd}'");
        }

        var now = time.GetUtcNow();
        if (presigned)
        {
            var expires = int.TryParse(First(query, "X-Amz-Expires"), out var seconds) ? seconds : 900;
            if (now > signedAt.AddSeconds(expires))
            {
                return Fail(SigV4Failure.Expired, "Request has expired");
            }
        }
        else if (maxSkew is { } skew && (now - signedAt).Duration() > skew)
        {
            return Fail(SigV4Failure.Expired,
                $"Signature expired: {dateForStringToSign} is now earlier than {(now - skew).ToString(AmzDateFormat, CultureInfo.InvariantCulture)} " +
                $"({now.ToString(AmzDateFormat, CultureInfo.InvariantCulture)} - {skew.TotalMinutes} min.)");
        }

        var declaredHash = presigned ? First(query, "X-Amz-Content-Sha256") ?? input.Header("x-amz-content-sha256") : input.Header("x-amz-content-sha256");
        var bodyHash = Hex(SHA256.HashData(input.Body.Span));
        string payloadHash;
        if (declaredHash is null)
        {
            payloadHash = presigned && service == "s3" ? UnsignedPayload : bodyHash;
        }
        else if (declaredHash == UnsignedPayload || declaredHash.StartsWith("STREAMING-", StringComparison.Ordinal))
        {
            payloadHash = declaredHash;
        }
        else if (!string.Equals(declaredHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(SigV4Failure.PayloadHashMismatch, "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        else
        {
            payloadHash = declaredHash;
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            if (!input.Headers.TryGetValue(name, out var values))
            {
                return Fail(SigV4Failure.BadSignature, $"The request signature we calculated does not match the signature you provided. Signed header '{name}' is missing.");
            }

            canonicalHeaders.Append(name).Append(':')
                .Append(string.Join(',', values.Select(CanonicalHeaderValue))).Append('\n');
        }

        var canonicalQuery = CanonicalQuery(query.Where(p => !(presigned && p.Key == "X-Amz-Signature")));
        var signingKey = SigningKey(key.SecretAccessKey, scopeDate, region, service);
        var scope = $"{scopeDate}/{region}/{service}/aws4_request";
        foreach (var canonicalUri in CanonicalUris(input.RawPath, service))
        {
            var canonicalRequest = string.Join('\n',
                input.Method, canonicalUri, canonicalQuery, canonicalHeaders.ToString(), signedHeaders, payloadHash);
            var stringToSign = string.Join('\n',
                Algorithm, dateForStringToSign, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
            var expected = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            {
                return new SigV4Result(SigV4Failure.None, "", accessKeyId, region, service, payloadHash,
                    new ChunkSigning(signature.ToLowerInvariant(), dateForStringToSign, scope, signingKey));
            }
        }

        return Fail(SigV4Failure.BadSignature,
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    /// <summary>RFC 3986 percent-encoding as SigV4 requires (unreserved characters kept, uppercase hex).</summary>
    public static string UriEncode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a raw query string into decoded pairs ('+' stays '+': SigV4 clients encode spaces as %20).</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(KeyValuePair.Create(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }

    private static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs
            .Select(p => (Name: UriEncode(p.Key, false), Value: UriEncode(p.Value, false)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    /// <summary>
    /// S3 signs the path encoded once; every other service signs it encoded twice. Clients differ in how they encode
    /// the wire path, so the candidates are tried in turn (a mismatch still fails: the signature must match one).
    /// </summary>
    private static IEnumerable<string> CanonicalUris(string rawPath, string service)
    {
        var path = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
        var decoded = Uri.UnescapeDataString(path);
        var once = UriEncode(decoded, keepSlash: true);
        var candidates = service == "s3"
            ? new[] { once, path }
            : new[] { UriEncode(once, keepSlash: true), once, path };
        return candidates.Distinct(StringComparer.Ordinal);
    }

    private static string CanonicalHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value.Trim())
        {
            var space = c is ' ' or '\t';
            if (!(space && lastWasSpace))
            {
                builder.Append(space ? ' ' : c);
            }

            lastWasSpace = space;
        }

        return builder.ToString();
    }

    private static bool TryGetSigningTime(SigV4Input input, string? amzDate, out DateTimeOffset signedAt, out string stringToSignDate)
    {
        if (amzDate is not null && DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out signedAt))
        {
            stringToSignDate = amzDate;
            return true;
        }

        if (input.Header("date") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out signedAt))
        {
            stringToSignDate = signedAt.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            return true;
        }

        signedAt = default;
        stringToSignDate = "";
        return false;
    }

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8.ToArray());
    }

    private static string? First(List<KeyValuePair<string, string>> pairs, string name) =>
        pairs.FirstOrDefault(p => p.Key == name).Value;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
