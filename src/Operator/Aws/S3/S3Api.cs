using Amazon.S3;
using Amazon.S3.Model;
using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.S3;

/// <summary>The S3 facade over the instrumented AWSSDK client.</summary>
internal sealed class S3Api(IAmazonS3 s3) : IS3Api
{
    public async Task<S3ObjectInfo?> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new S3ObjectInfo(bucket, key, response.ContentLength, response.ETag,
                response.LastModified is { } modified ? new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc)) : null,
                response.VersionId);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
