namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// What other simulations and tests need from the simulated S3: buckets and whole objects (Elastic Beanstalk reads
/// application bundles, tests seed them). Implemented by the S3 simulation; every member takes
/// <see cref="SimWorld.Gate"/> itself.
/// </summary>
public interface ISimObjectStore
{
    /// <summary>Creates a bucket; false when it already existed.</summary>
    bool CreateBucket(string bucket);

    /// <summary>True when the bucket exists.</summary>
    bool BucketExists(string bucket);

    /// <summary>Stores an object, creating the bucket when missing (in-process seeding); returns it.</summary>
    SimObject PutObject(string bucket, string key, byte[] content, string contentType = "application/octet-stream",
        IReadOnlyDictionary<string, string>? metadata = null);

    /// <summary>The object, or null when the bucket or the key does not exist.</summary>
    SimObject? GetObject(string bucket, string key);

    /// <summary>Deletes an object; false when there was none.</summary>
    bool DeleteObject(string bucket, string key);
}
