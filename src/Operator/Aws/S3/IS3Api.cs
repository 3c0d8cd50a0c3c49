namespace Ebops.Operator.Aws.S3;

/// <summary>The S3 call ebops makes, over AWSSDK.S3.</summary>
public interface IS3Api
{
    /// <summary>HeadObject: the object's metadata, or null when the bucket or key does not exist.</summary>
    Task<S3ObjectInfo?> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
