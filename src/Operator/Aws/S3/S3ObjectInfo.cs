namespace Ebops.Operator.Aws.S3;

/// <summary>What HeadObject says about an object (a source bundle).</summary>
public sealed record S3ObjectInfo(string Bucket, string Key, long ContentLength, string? ETag, DateTimeOffset? LastModified, string? VersionId);
