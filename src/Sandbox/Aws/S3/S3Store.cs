using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// S3 buckets and objects of the simulated account. Seed bundles in process with
/// <c>world.S3.PutObject("bucket", "app/v1.zip", bytes)</c> (the bucket is created when missing). Thread-safe via
/// <see cref="SimWorld.Gate"/>.
/// </summary>
public sealed class S3Store(SimWorld world)
{
    private readonly Dictionary<string, DateTimeOffset> buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Bucket, string Key), S3Object> objects = [];

    /// <summary>Creates a bucket; false when it already existed.</summary>
    public bool CreateBucket(string bucket)
    {
        lock (world.Gate)
        {
            return buckets.TryAdd(bucket, world.Time.GetUtcNow());
        }
    }

    public bool BucketExists(string bucket)
    {
        lock (world.Gate)
        {
            return buckets.ContainsKey(bucket);
        }
    }

    /// <summary>Bucket names with creation times.</summary>
    public IReadOnlyList<(string Name, DateTimeOffset Created)> Buckets()
    {
        lock (world.Gate)
        {
            return [.. buckets.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Value))];
        }
    }

    /// <summary>Deletes an empty bucket; false when it does not exist. Throws when it is not empty.</summary>
    public bool DeleteBucket(string bucket)
    {
        lock (world.Gate)
        {
            if (objects.Keys.Any(k => k.Bucket == bucket))
            {
                throw new AwsSimException("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
            }

            return buckets.Remove(bucket);
        }
    }

    /// <summary>Stores an object (creating the bucket for in-process seeding); returns it.</summary>
    public S3Object PutObject(string bucket, string key, byte[] content, string contentType = "application/octet-stream",
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        lock (world.Gate)
        {
            buckets.TryAdd(bucket, world.Time.GetUtcNow());
            return Store(bucket, key, content, contentType, metadata);
        }
    }

    /// <summary>The object, or null.</summary>
    public S3Object? GetObject(string bucket, string key)
    {
        lock (world.Gate)
        {
            return objects.GetValueOrDefault((bucket, key));
        }
    }

    /// <summary>Objects of a bucket, ordered by key, optionally under a prefix.</summary>
    public IReadOnlyList<S3Object> List(string bucket, string? prefix = null)
    {
        lock (world.Gate)
        {
            return [.. objects.Values
                .Where(o => o.Bucket == bucket && (prefix is null || o.Key.StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(o => o.Key, StringComparer.Ordinal)];
        }
    }

    public bool DeleteObject(string bucket, string key)
    {
        lock (world.Gate)
        {
            return objects.Remove((bucket, key));
        }
    }

    internal S3Object Store(string bucket, string key, byte[] content, string contentType, IReadOnlyDictionary<string, string>? metadata)
    {
        var etag = "\"" + Convert.ToHexStringLower(MD5.HashData(content)) + "\"";
        var stored = new S3Object(bucket, key, content, etag, contentType, world.Time.GetUtcNow(),
            metadata ?? new Dictionary<string, string>());
        objects[(bucket, key)] = stored;
        return stored;
    }

    internal JsonNode DumpState()
    {
        lock (world.Gate)
        {
            return new JsonObject(buckets.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => KeyValuePair.Create(b.Key,
                (JsonNode?)new JsonObject
                {
                    ["created"] = b.Value.ToString("O"),
                    ["objects"] = new JsonArray([.. objects.Values.Where(o => o.Bucket == b.Key).OrderBy(o => o.Key, StringComparer.Ordinal)
                        .Select(o => (JsonNode)new JsonObject
                        {
                            ["key"] = o.Key,
                            ["size"] = o.Content.Length,
                            ["etag"] = o.ETag,
                            ["lastModified"] = o.LastModified.ToString("O"),
                        })]),
                })));
        }
    }
}
