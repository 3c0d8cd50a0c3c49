using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// S3 buckets and objects of the simulated account, with S3's rules (bucket names, BucketAlreadyOwnedByYou,
/// BucketNotEmpty, listings). Seed bundles in process with <c>world.S3.PutObject("bucket", "app/v1.zip", bytes)</c>
/// (the bucket is created when missing). The world creates it through <see cref="SimWorldOptions.ObjectStore"/>; every
/// member takes <see cref="SimWorld.Gate"/>.
/// </summary>
public sealed class S3Store : ISimObjectStore, ISimStateSource
{
    private const string Service = "s3";
    private readonly SimWorld world;
    private readonly Dictionary<string, S3Bucket> buckets = new(StringComparer.Ordinal);

    internal S3Store(SimWorld world)
    {
        this.world = world;
        Multipart = new MultipartStore(world, this);
    }

    public string StateName => Service;

    /// <summary>The multipart uploads in progress.</summary>
    internal MultipartStore Multipart { get; }

    /// <summary>The world's object store when it is this simulation (the S3 handler needs it).</summary>
    public static S3Store For(SimWorld world) => world.S3 as S3Store
        ?? throw new InvalidOperationException("The S3 simulation needs the world's object store to be the S3 simulation (SimWorldOptions.ObjectStore).");

    public bool CreateBucket(string bucket)
    {
        lock (world.Gate)
        {
            return buckets.TryAdd(bucket, new S3Bucket(bucket, world.Time.GetUtcNow()));
        }
    }

    public bool BucketExists(string bucket)
    {
        lock (world.Gate)
        {
            return buckets.ContainsKey(bucket);
        }
    }

    public SimObject PutObject(string bucket, string key, byte[] content, string contentType = "application/octet-stream",
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        lock (world.Gate)
        {
            CreateBucket(bucket);
            return StoreLocked(bucket, key, content, Md5ETag(content), contentType, metadata);
        }
    }

    public SimObject? GetObject(string bucket, string key)
    {
        lock (world.Gate)
        {
            return buckets.GetValueOrDefault(bucket)?.Objects.GetValueOrDefault(key);
        }
    }

    public bool DeleteObject(string bucket, string key)
    {
        lock (world.Gate)
        {
            return buckets.GetValueOrDefault(bucket)?.Objects.Remove(key) == true;
        }
    }

    /// <summary>CreateBucket over the API: S3's naming rules; BucketAlreadyOwnedByYou when it exists.</summary>
    internal void CreateBucketChecked(string bucket)
    {
        if (!IsValidBucketName(bucket))
        {
            throw new AwsSimException("InvalidBucketName", "The specified bucket is not valid.");
        }

        if (!CreateBucket(bucket))
        {
            throw new AwsSimException("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409);
        }

        world.Faults.NoteCreated(Service, bucket);
    }

    /// <summary>Bucket names with creation times, by name.</summary>
    internal IReadOnlyList<(string Name, DateTimeOffset Created)> Buckets()
    {
        lock (world.Gate)
        {
            return [.. buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => (b.Name, b.Created))];
        }
    }

    /// <summary>DeleteBucket: NoSuchBucket, or BucketNotEmpty while it holds objects (its unfinished uploads go with it).</summary>
    internal void DeleteBucket(string bucket)
    {
        lock (world.Gate)
        {
            var found = buckets.GetValueOrDefault(bucket) ?? throw S3Errors.NoSuchBucket();
            if (found.Objects.Count > 0)
            {
                throw new AwsSimException("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
            }

            buckets.Remove(bucket);
        }
    }

    /// <summary>PutObject over the API: the bucket must exist.</summary>
    internal SimObject Put(string bucket, string key, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata)
    {
        lock (world.Gate)
        {
            RequireBucketLocked(bucket);
            var stored = StoreLocked(bucket, key, content, Md5ETag(content), contentType, metadata);
            world.Faults.NoteCreated(Service, bucket + "/" + key);
            return stored;
        }
    }

    /// <summary>GetObject / HeadObject over the API: NoSuchBucket, NoSuchKey (also while a new key is hidden by eventual consistency).</summary>
    internal SimObject Get(string bucket, string key)
    {
        lock (world.Gate)
        {
            var found = RequireBucketLocked(bucket).Objects.GetValueOrDefault(key);
            return found is null || world.Faults.IsHidden(Service, bucket + "/" + key) ? throw S3Errors.NoSuchKey() : found;
        }
    }

    /// <summary>DeleteObject over the API: the bucket must exist; an absent key is not an error.</summary>
    internal void Delete(string bucket, string key)
    {
        lock (world.Gate)
        {
            RequireBucketLocked(bucket).Objects.Remove(key);
        }
    }

    /// <summary>One page of a bucket's objects (<see cref="S3Listing"/>).</summary>
    internal S3ListPage<SimObject> List(string bucket, S3ListQuery query)
    {
        lock (world.Gate)
        {
            return S3Listing.Page(RequireBucketLocked(bucket).Objects.Values, o => o.Key, query);
        }
    }

    /// <summary>The bucket (call under the gate); NoSuchBucket when it does not exist.</summary>
    internal S3Bucket RequireBucketLocked(string bucket) => buckets.GetValueOrDefault(bucket) ?? throw S3Errors.NoSuchBucket();

    /// <summary>Stores an object whose ETag the caller computed (call under the gate).</summary>
    internal SimObject StoreLocked(string bucket, string key, byte[] content, string etag, string contentType, IReadOnlyDictionary<string, string>? metadata)
    {
        var stored = new SimObject(bucket, key, content, etag, contentType, world.Time.GetUtcNow(), metadata ?? new Dictionary<string, string>());
        buckets[bucket].Objects[key] = stored;
        return stored;
    }

    /// <summary>The single-part ETag: the quoted MD5 hex of the bytes.</summary>
    internal static string Md5ETag(byte[] content) => "\"" + Convert.ToHexStringLower(MD5.HashData(content)) + "\"";

    public JsonNode DumpState()
    {
        lock (world.Gate)
        {
            return new JsonObject(buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => KeyValuePair.Create(b.Name,
                (JsonNode?)new JsonObject
                {
                    ["created"] = b.Created.ToString("O"),
                    ["objects"] = new JsonArray([.. b.Objects.Values.Select(o => (JsonNode)new JsonObject
                    {
                        ["key"] = o.Key,
                        ["size"] = o.Content.Length,
                        ["etag"] = o.ETag,
                        ["lastModified"] = o.LastModified.ToString("O"),
                    })]),
                    ["uploads"] = new JsonArray([.. b.Uploads.Values.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (JsonNode)new JsonObject
                    {
                        ["key"] = u.Key,
                        ["uploadId"] = u.UploadId,
                        ["parts"] = u.Parts.Count,
                    })]),
                })));
        }
    }

    private static bool IsValidBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);
}
