namespace Ebops.Sandbox.Aws.S3;

/// <summary>One <c>Part</c> of a CompleteMultipartUpload body: the part number and the ETag UploadPart returned.</summary>
internal sealed record CompletedPartInput(int PartNumber, string ETag);
