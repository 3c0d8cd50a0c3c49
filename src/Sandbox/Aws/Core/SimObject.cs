namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// A stored S3 object: bytes, ETag (as S3 returns it, quoted: the MD5 hex of the bytes for a single-part upload,
/// <c>"&lt;md5 of the part MD5s&gt;-&lt;parts&gt;"</c> for a multipart one), content type and user metadata.
/// </summary>
public sealed record SimObject(
    string Bucket,
    string Key,
    byte[] Content,
    string ETag,
    string ContentType,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
