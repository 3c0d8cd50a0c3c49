namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// Which S3 operation a REST request is, and on which bucket and key. Path-style (<c>/bucket/key</c>, what SDKs send
/// with a custom endpoint and ForcePathStyle) and virtual-host style with a <c>bucket.localhost</c> host.
/// </summary>
internal sealed record S3Route(string Operation, string? Bucket, string? Key)
{
    public static S3Route Resolve(string method, string decodedPath, string? host, IReadOnlyCollection<KeyValuePair<string, string>> query)
    {
        var path = decodedPath.TrimStart('/');
        string? bucket = null;
        string? key = null;
        var hostName = host?.Split(':')[0] ?? "";
        if (hostName.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            bucket = hostName[..^".localhost".Length];
            if (bucket.EndsWith(".s3", StringComparison.OrdinalIgnoreCase))
            {
                bucket = bucket[..^3];
            }

            key = path.Length > 0 ? path : null;
        }
        else if (path.Length > 0)
        {
            var slash = path.IndexOf('/');
            bucket = slash < 0 ? path : path[..slash];
            key = slash < 0 || slash == path.Length - 1 ? null : path[(slash + 1)..];
        }

        var has = (string name) => query.Any(p => p.Key == name);
        var operation = (method, bucket, key) switch
        {
            ("GET", null, _) => "ListBuckets",
            ("PUT", not null, null) => "CreateBucket",
            ("HEAD", not null, null) => "HeadBucket",
            ("DELETE", not null, null) => "DeleteBucket",
            ("GET", not null, null) when has("location") => "GetBucketLocation",
            ("GET", not null, null) when has("uploads") => "ListMultipartUploads",
            ("GET", not null, null) when has("list-type") => "ListObjectsV2",
            ("GET", not null, null) => "ListObjects",
            ("POST", not null, not null) when has("uploads") => "CreateMultipartUpload",
            ("POST", not null, not null) when has("uploadId") => "CompleteMultipartUpload",
            ("PUT", not null, not null) when has("uploadId") || has("partNumber") => "UploadPart",
            ("PUT", not null, not null) => "PutObject",
            ("GET", not null, not null) when has("uploadId") => "ListParts",
            ("GET", not null, not null) => "GetObject",
            ("HEAD", not null, not null) => "HeadObject",
            ("DELETE", not null, not null) when has("uploadId") => "AbortMultipartUpload",
            ("DELETE", not null, not null) => "DeleteObject",
            _ => "Unknown",
        };
        return new S3Route(operation, bucket, key);
    }
}
