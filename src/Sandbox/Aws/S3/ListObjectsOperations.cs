using System.Text;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// ListObjects (v1: <c>marker</c>, <c>Marker</c> echoed, <c>NextMarker</c> when truncated with a delimiter) and
/// ListObjectsV2 (<c>continuation-token</c>, <c>start-after</c>, <c>KeyCount</c>), both with <c>prefix</c>,
/// <c>delimiter</c> / <c>CommonPrefixes</c>, <c>max-keys</c> and <c>encoding-type=url</c>. A page holds at most
/// max-keys entries and at most the world's S3 page size.
/// </summary>
internal sealed class ListObjectsOperations(SimWorld world, S3Store store) : ISimOperations
{
    private const string TokenPrefix = "ebops-sim:";
    private const int MaxKeysCap = 1000;

    public void Register(OperationTable table) => table
        .Add("ListObjects", ListV1)
        .Add("ListObjectsV2", ListV2);

    private SimResponse ListV1(SimRequest request, SimParams p)
    {
        var (bucket, prefix, delimiter, maxKeys, url) = Common(p);
        var marker = p.Get("marker");
        var page = store.List(bucket, new S3ListQuery(prefix, delimiter, marker, PageSize(maxKeys)));
        return S3Xml.Xml(E("ListBucketResult",
            E("Name", bucket),
            E("Prefix", S3Xml.Encode(prefix, url)),
            E("Marker", S3Xml.Encode(marker ?? "", url)),
            delimiter is not null && page.IsTruncated ? E("NextMarker", S3Xml.Encode(page.Last, url)) : null,
            E("MaxKeys", maxKeys),
            Opt("Delimiter", S3Xml.Encode(delimiter, url)),
            E("IsTruncated", page.IsTruncated),
            url ? E("EncodingType", "url") : null,
            Contents(page, url, owner: true)));
    }

    private SimResponse ListV2(SimRequest request, SimParams p)
    {
        var (bucket, prefix, delimiter, maxKeys, url) = Common(p);
        var token = p.Get("continuation-token");
        var startAfter = p.Get("start-after");
        var after = token is null ? startAfter : DecodeToken(token);
        var page = store.List(bucket, new S3ListQuery(prefix, delimiter, after, PageSize(maxKeys)));
        return S3Xml.Xml(E("ListBucketResult",
            E("Name", bucket),
            E("Prefix", S3Xml.Encode(prefix, url)),
            Opt("Delimiter", S3Xml.Encode(delimiter, url)),
            E("MaxKeys", maxKeys),
            E("KeyCount", page.Count),
            E("IsTruncated", page.IsTruncated),
            url ? E("EncodingType", "url") : null,
            Opt("ContinuationToken", token),
            page.IsTruncated ? E("NextContinuationToken", EncodeToken(page.Last!)) : null,
            Opt("StartAfter", S3Xml.Encode(startAfter, url)),
            Contents(page, url, owner: p.Get("fetch-owner") == "true")));
    }

    private static (string Bucket, string Prefix, string? Delimiter, int MaxKeys, bool Url) Common(SimParams p) =>
        (p.Required("Bucket"), p.Get("prefix") ?? "", p.Get("delimiter") is { Length: > 0 } d ? d : null,
            S3Xml.Count(p, "max-keys", MaxKeysCap, MaxKeysCap), S3Xml.UrlEncoding(p));

    /// <summary>The continuation token: opaque to callers, it names the last entry returned.</summary>
    private static string EncodeToken(string last) => Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + last));

    private static string DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(TokenPrefix, StringComparison.Ordinal) ? text[TokenPrefix.Length..] : throw InvalidToken();
        }
        catch (FormatException)
        {
            throw InvalidToken();
        }
    }

    private static AwsSimException InvalidToken() => S3Errors.InvalidArgument("The continuation token provided is incorrect");

    private int PageSize(int maxKeys) => Math.Min(maxKeys, world.Paging.PageSizeOf("s3"));

    private IEnumerable<XElement> Contents(S3ListPage<SimObject> page, bool url, bool owner) =>
        page.Items.Select(o => E("Contents",
            E("Key", S3Xml.Encode(o.Key, url)), E("LastModified", o.LastModified), E("ETag", o.ETag), E("Size", o.Content.Length),
            owner ? S3Xml.Owner(world) : null,
            E("StorageClass", "STANDARD")))
        .Concat(page.CommonPrefixes.Select(c => E("CommonPrefixes", E("Prefix", S3Xml.Encode(c, url)))));
}
