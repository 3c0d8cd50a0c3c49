using System.Globalization;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// S3 REST: CreateBucket, HeadBucket, DeleteBucket, ListBuckets, ListObjects(V2), PutObject, GetObject, HeadObject,
/// DeleteObject, GetBucketLocation. Bucket and key arrive as the <c>Bucket</c>/<c>Key</c> parameters (resolved by the
/// front end from path-style or <c>bucket.localhost</c> addressing).
/// </summary>
internal sealed class S3Handler(SimWorld world) : IAwsServiceHandler
{
    private const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    public string SigningName => "s3";

    public ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var p = request.Parameters;
        var bucket = p.GetValueOrDefault("Bucket");
        var key = p.GetValueOrDefault("Key");
        var store = world.S3;
        SimResponse response = request.Action switch
        {
            "ListBuckets" => Xml(E("ListAllMyBucketsResult",
                E("Owner", E("ID", world.AccountId), E("DisplayName", "sandbox")),
                E("Buckets", store.Buckets().Select(b => E("Bucket", E("Name", b.Name), E("CreationDate", b.Created)))))),
            "CreateBucket" => CreateBucket(bucket!, request),
            "HeadBucket" => store.BucketExists(bucket!) ? Empty(200) : throw NoSuchBucket(bucket!, 404),
            "DeleteBucket" => store.DeleteBucket(bucket!) ? Empty(204) : throw NoSuchBucket(bucket!, 404),
            "GetBucketLocation" => store.BucketExists(bucket!)
                ? Xml(E("LocationConstraint", world.Region))
                : throw NoSuchBucket(bucket!, 404),
            "ListObjects" or "ListObjectsV2" => ListObjects(request, bucket!),
            "PutObject" => PutObject(request, bucket!, key!),
            "GetObject" or "HeadObject" => GetObject(request, bucket!, key!),
            "DeleteObject" => DeleteObject(bucket!, key!),
            _ => throw new AwsSimException("NotImplemented", "A header you provided implies functionality that is not implemented", 501),
        };
        return ValueTask.FromResult(response);
    }

    private SimResponse CreateBucket(string bucket, SimRequest request)
    {
        if (!IsValidBucketName(bucket))
        {
            throw new AwsSimException("InvalidBucketName", "The specified bucket is not valid.");
        }

        if (!world.S3.CreateBucket(bucket))
        {
            throw new AwsSimException("BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.", 409);
        }

        world.Faults.NoteCreated(SigningName, bucket);
        return Empty(200, new Dictionary<string, string> { ["Location"] = "/" + bucket });
    }

    private SimResponse PutObject(SimRequest request, string bucket, string key)
    {
        if (!world.S3.BucketExists(bucket))
        {
            throw NoSuchBucket(bucket, 404);
        }

        var headers = request.Headers ?? new Dictionary<string, string>();
        var metadata = headers.Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => h.Value);
        var contentType = headers.GetValueOrDefault("content-type") ?? "binary/octet-stream";
        S3Object stored;
        lock (world.Gate)
        {
            stored = world.S3.Store(bucket, key, request.Body.ToArray(), contentType, metadata);
        }

        world.Faults.NoteCreated(SigningName, bucket + "/" + key);
        return Empty(200, new Dictionary<string, string> { ["ETag"] = stored.ETag });
    }

    private SimResponse GetObject(SimRequest request, string bucket, string key)
    {
        var head = request.Action == "HeadObject";
        if (!world.S3.BucketExists(bucket))
        {
            throw NoSuchBucket(bucket, 404);
        }

        var found = world.S3.GetObject(bucket, key);
        if (found is null || world.Faults.IsHidden(SigningName, bucket + "/" + key))
        {
            // HEAD has no body, so S3 cannot say which error: the SDKs see a bare 404 ("NotFound").
            throw head
                ? new AwsSimException("NotFound", "Not Found", 404)
                : new AwsSimException("NoSuchKey", "The specified key does not exist.", 404);
        }

        var headers = new Dictionary<string, string>
        {
            ["ETag"] = found.ETag,
            ["Last-Modified"] = found.LastModified.UtcDateTime.ToString("R", CultureInfo.InvariantCulture),
            ["Content-Length"] = found.Content.Length.ToString(CultureInfo.InvariantCulture),
            ["Content-Type"] = found.ContentType,
            ["Accept-Ranges"] = "bytes",
        };
        foreach (var (name, value) in found.Metadata)
        {
            headers["x-amz-meta-" + name] = value;
        }

        return new SimResponse(200, found.ContentType, "", headers) { Bytes = head ? null : found.Content };
    }

    private SimResponse DeleteObject(string bucket, string key)
    {
        if (!world.S3.BucketExists(bucket))
        {
            throw NoSuchBucket(bucket, 404);
        }

        world.S3.DeleteObject(bucket, key);
        return Empty(204);
    }

    private SimResponse ListObjects(SimRequest request, string bucket)
    {
        if (!world.S3.BucketExists(bucket))
        {
            throw NoSuchBucket(bucket, 404);
        }

        var p = request.Parameters;
        var prefix = p.GetValueOrDefault("prefix");
        var v2 = request.Action == "ListObjectsV2";
        var max = int.TryParse(p.GetValueOrDefault("max-keys"), out var m) ? m : 1000;
        var items = world.S3.List(bucket, prefix);
        var token = v2 ? p.GetValueOrDefault("continuation-token") : null;
        var page = world.Paging.Page(SigningName, "objects:" + bucket, items, token, max, invalidTokenCode: "InvalidArgument");
        var contents = page.Items.Select(o => E("Contents",
            E("Key", o.Key), E("LastModified", o.LastModified), E("ETag", o.ETag), E("Size", o.Content.Length),
            E("StorageClass", "STANDARD")));
        var root = E("ListBucketResult",
            E("Name", bucket), E("Prefix", prefix ?? ""), E("MaxKeys", max),
            v2 ? E("KeyCount", page.Items.Count) : null,
            E("IsTruncated", page.NextToken is not null),
            v2 ? Opt("ContinuationToken", token) : null,
            v2 ? Opt("NextContinuationToken", page.NextToken) : null,
            contents);
        return Xml(root);
    }

    private static bool IsValidBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);

    private static AwsSimException NoSuchBucket(string bucket, int status) =>
        new("NoSuchBucket", $"The specified bucket does not exist", status);

    private static SimResponse Xml(XElement root) => new(200, "application/xml", Serialize(root, Ns));

    private static SimResponse Empty(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "", "", headers);
}
