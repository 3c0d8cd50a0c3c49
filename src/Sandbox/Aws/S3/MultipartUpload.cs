namespace Ebops.Sandbox.Aws.S3;

/// <summary>A multipart upload in progress: what CreateMultipartUpload said about the object, and the parts so far.</summary>
internal sealed class MultipartUpload(string uploadId, string bucket, string key, DateTimeOffset initiated, string contentType, IReadOnlyDictionary<string, string> metadata)
{
    public string UploadId { get; } = uploadId;

    public string Bucket { get; } = bucket;

    public string Key { get; } = key;

    public DateTimeOffset Initiated { get; } = initiated;

    public string ContentType { get; } = contentType;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    /// <summary>Uploaded parts by part number (uploading a number again replaces the part).</summary>
    public SortedDictionary<int, UploadedPart> Parts { get; } = [];
}
