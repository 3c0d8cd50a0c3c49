using System.Globalization;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>What every S3 operation reads and writes the same way: documents, empty answers, owners, integer and
/// encoding-type parameters, user metadata headers.</summary>
internal static class S3Xml
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static SimResponse Xml(XElement root) => new(200, "application/xml", Serialize(root, Namespace));

    public static SimResponse Empty(int status, IReadOnlyDictionary<string, string>? headers = null) => new(status, "", "", headers);

    /// <summary>An <c>Owner</c> (or <c>Initiator</c>) element for the simulated account.</summary>
    public static XElement Owner(SimWorld world, string name = "Owner") => E(name, E("ID", world.AccountId), E("DisplayName", "sandbox"));

    /// <summary>A non-negative integer query parameter (default when absent), capped at <paramref name="cap"/>.</summary>
    public static int Count(SimParams p, string name, int fallback, int cap)
    {
        var text = p.Get(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, cap)
            : throw S3Errors.InvalidArgument($"Provided {name} not an integer or within integer range");
    }

    /// <summary>True when <c>encoding-type=url</c> was asked for (the only encoding S3 knows).</summary>
    public static bool UrlEncoding(SimParams p) => p.Get("encoding-type") switch
    {
        null => false,
        "url" => true,
        _ => throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request"),
    };

    /// <summary>A key or prefix as the response carries it: URL-encoded (slashes kept) under <c>encoding-type=url</c>.</summary>
    public static string? Encode(string? value, bool url) =>
        value is null || !url ? value : Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary>The request's content type (S3's default when absent) and its <c>x-amz-meta-*</c> headers.</summary>
    public static (string ContentType, Dictionary<string, string> Metadata) ContentHeaders(SimRequest request)
    {
        var headers = request.Headers ?? new Dictionary<string, string>();
        var metadata = headers.Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => h.Value);
        return (headers.GetValueOrDefault("content-type") ?? "binary/octet-stream", metadata);
    }
}
