using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// S3 REST: buckets (ListBuckets, Create/Head/DeleteBucket, GetBucketLocation), objects (Put/Get/Head/DeleteObject),
/// listings (ListObjects, ListObjectsV2) and multipart uploads (Create/Complete/AbortMultipartUpload, UploadPart,
/// ListParts, ListMultipartUploads). The front end resolves the operation, the bucket and the key from path-style or
/// <c>bucket.localhost</c> addressing and passes them as the <c>Bucket</c> / <c>Key</c> parameters next to the query.
/// </summary>
internal sealed class S3Handler(SimWorld world, S3Store store) : SimServiceHandler(
    "s3",
    S3Errors.Parameters,
    new BucketOperations(world, store),
    new ObjectOperations(store),
    new ListObjectsOperations(world, store),
    new MultipartOperations(world, store.Multipart))
{
    public S3Handler(SimWorld world)
        : this(world, S3Store.For(world))
    {
    }
}
