namespace Ebops.Sandbox.Aws.S3;

/// <summary>A stored object: bytes, ETag (quoted MD5 hex, as S3 returns for single-part uploads), metadata.</summary>
public sealed record S3Object(
    string Bucket,
    string Key,
    byte[] Content,
    string ETag,
    string ContentType,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
