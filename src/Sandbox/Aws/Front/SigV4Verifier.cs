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
        var auth = presigned ? FromQuery(query) : FromHeader(input);
        if (auth.Failure is { } unreadable)
        {
            return unreadable;
        }

        if (auth.Credential is null || auth.SignedHeaders is null || auth.Signature is null)
        {
            return new SigV4Result(SigV4Failure.Malformed,
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }

        var scopeParts = auth.Credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts[4] != "aws4_request")
        {
            return new SigV4Result(SigV4Failure.Malformed,
                $"Credential should be scoped to a valid region, not '{auth.Credential}'. ");
        }

        var (accessKeyId, scopeDate, region, service) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3]);
        SigV4Result Fail(SigV4Failure failure, string message) => new(failure, message, accessKeyId, region, service);

        var key = credentials.FirstOrDefault(c => c.AccessKeyId == accessKeyId);
        if (key is null || (key.SessionToken is not null && auth.Token != key.SessionToken))
        {
            return Fail(SigV4Failure.UnknownKey, "The security token included in the request is invalid.");
        }

        if (CheckTime(input, query, presigned, auth.AmzDate, scopeDate, out var dateForStringToSign) is { } late)
        {
            return Fail(late.Failure, late.Message);
        }

        if (PayloadHash(input, query, presigned, service, out var payloadHash) is { } mismatch)
        {
            return Fail(mismatch.Failure, mismatch.Message);
        }

        var scope = $"{scopeDate}/{region}/{service}/aws4_request";
        var signingKey = SigningKey(key.SecretAccessKey, scopeDate, region, service);
        var signed = new SignedRequest(auth.SignedHeaders, auth.Signature.ToLowerInvariant(), dateForStringToSign, scope, signingKey, payloadHash);
        return Match(input, query, presigned, service, signed) is not null
            ? new SigV4Result(SigV4Failure.None, "", accessKeyId, region, service, payloadHash,
                new ChunkSigning(signed.Signature, dateForStringToSign, scope, signingKey))
            : Fail(SigV4Failure.BadSignature, MissingSignedHeader(input, auth.SignedHeaders) is { } missing
                ? $"The request signature we calculated does not match the signature you provided. Signed header '{missing}' is missing."
                : "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
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

    private static SigV4Authorization FromQuery(List<KeyValuePair<string, string>> query) =>
        First(query, "X-Amz-Algorithm") != Algorithm
            ? SigV4Authorization.Failed(new SigV4Result(SigV4Failure.Malformed, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""))
            : new SigV4Authorization(First(query, "X-Amz-Credential"), First(query, "X-Amz-SignedHeaders"), First(query, "X-Amz-Signature"),
                First(query, "X-Amz-Date"), First(query, "X-Amz-Security-Token"));

    private static SigV4Authorization FromHeader(SigV4Input input)
    {
        var authorization = input.Header("authorization");
        if (authorization is null)
        {
            return SigV4Authorization.Failed(new SigV4Result(SigV4Failure.Missing, "Request is missing Authentication Token"));
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return SigV4Authorization.Failed(new SigV4Result(SigV4Failure.Malformed, "Only the AWS4-HMAC-SHA256 signature algorithm is supported"));
        }

        var parts = authorization[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new SigV4Authorization(parts.GetValueOrDefault("Credential"), parts.GetValueOrDefault("SignedHeaders"), parts.GetValueOrDefault("Signature"),
            input.Header("x-amz-date"), input.Header("x-amz-security-token"));
    }

    /// <summary>The signing time must be on the scope's date and, unless presigned, within the allowed skew; a presigned
    /// request must not have expired. Returns the failure, or null.</summary>
    private (SigV4Failure Failure, string Message)? CheckTime(SigV4Input input, List<KeyValuePair<string, string>> query, bool presigned, string? amzDate, string scopeDate, out string dateForStringToSign)
    {
        if (!TryGetSigningTime(input, amzDate, out var signedAt, out dateForStringToSign))
        {
            return (SigV4Failure.Malformed, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture) != scopeDate)
        {
            return (SigV4Failure.BadSignature,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{signedAt:yyyyMMdd}'");
        }

        var now = time.GetUtcNow();
        if (presigned)
        {
            var expires = int.TryParse(First(query, "X-Amz-Expires"), out var seconds) ? seconds : 900;
            return now > signedAt.AddSeconds(expires) ? (SigV4Failure.Expired, "Request has expired") : null;
        }

        return maxSkew is { } skew && (now - signedAt).Duration() > skew
            ? (SigV4Failure.Expired,
                $"Signature expired: {dateForStringToSign} is now earlier than {(now - skew).ToString(AmzDateFormat, CultureInfo.InvariantCulture)} " +
                $"({now.ToString(AmzDateFormat, CultureInfo.InvariantCulture)} - {skew.TotalMinutes} min.)")
            : null;
    }

    /// <summary>The payload hash the signature covers: the declared one (checked against the body unless unsigned or
    /// streaming), or the body's own. Returns the failure, or null.</summary>
    private static (SigV4Failure Failure, string Message)? PayloadHash(SigV4Input input, List<KeyValuePair<string, string>> query, bool presigned, string service, out string payloadHash)
    {
        var declaredHash = presigned ? First(query, "X-Amz-Content-Sha256") ?? input.Header("x-amz-content-sha256") : input.Header("x-amz-content-sha256");
        var bodyHash = Hex(SHA256.HashData(input.Body.Span));
        if (declaredHash is null)
        {
            payloadHash = presigned && service == "s3" ? UnsignedPayload : bodyHash;
            return null;
        }

        payloadHash = declaredHash;
        return declaredHash == UnsignedPayload || declaredHash.StartsWith("STREAMING-", StringComparison.Ordinal)
            || string.Equals(declaredHash, bodyHash, StringComparison.OrdinalIgnoreCase)
            ? null
            : (SigV4Failure.PayloadHashMismatch, "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    /// <summary>Recomputes the signature over each acceptable canonical URI; the signed request when one matches.</summary>
    private static SignedRequest? Match(SigV4Input input, List<KeyValuePair<string, string>> query, bool presigned, string service, SignedRequest signed)
    {
        if (MissingSignedHeader(input, signed.SignedHeaders) is not null)
        {
            return null;
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signed.SignedHeaders.Split(';'))
        {
            canonicalHeaders.Append(name).Append(':').Append(string.Join(',', input.Headers[name].Select(CanonicalHeaderValue))).Append('\n');
        }

        var canonicalQuery = CanonicalQuery(query.Where(p => !(presigned && p.Key == "X-Amz-Signature")));
        foreach (var canonicalUri in CanonicalUris(input.RawPath, service))
        {
            var canonicalRequest = string.Join('\n',
                input.Method, canonicalUri, canonicalQuery, canonicalHeaders.ToString(), signed.SignedHeaders, signed.PayloadHash);
            var stringToSign = string.Join('\n',
                Algorithm, signed.DateForStringToSign, signed.Scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
            var expected = Hex(HMACSHA256.HashData(signed.SigningKey, Encoding.UTF8.GetBytes(stringToSign)));
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signed.Signature)))
            {
                return signed;
            }
        }

        return null;
    }

    private static string? MissingSignedHeader(SigV4Input input, string signedHeaders) =>
        signedHeaders.Split(';').FirstOrDefault(name => !input.Headers.ContainsKey(name));
}
