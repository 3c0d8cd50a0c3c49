using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>A bucket: its objects in key order and its multipart uploads in progress.</summary>
internal sealed class S3Bucket(string name, DateTimeOffset created)
{
    public string Name { get; } = name;

    public DateTimeOffset Created { get; } = created;

    public SortedDictionary<string, SimObject> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MultipartUpload> Uploads { get; } = new(StringComparer.Ordinal);
}
