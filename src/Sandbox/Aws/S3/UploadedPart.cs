namespace Ebops.Sandbox.Aws.S3;

/// <summary>One uploaded part: its bytes, its ETag (quoted MD5 hex) and when it arrived.</summary>
internal sealed record UploadedPart(int PartNumber, byte[] Content, string ETag, DateTimeOffset LastModified)
{
    public long Size => Content.Length;
}
