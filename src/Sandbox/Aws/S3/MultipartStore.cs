using System.Security.Cryptography;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// Multipart uploads with S3's rules: part numbers 1-10,000 (a part uploaded again replaces the earlier one); on
/// completion the listed parts must be in ascending order (InvalidPartOrder), must exist with the ETag UploadPart
/// returned (InvalidPart), and every part but the last must be at least 5 MiB (EntityTooSmall); the object's ETag is
/// <c>"&lt;MD5 of the concatenated binary part MD5s&gt;-&lt;number of parts&gt;"</c>; an unknown, completed or aborted
/// upload is NoSuchUpload. Every member takes <see cref="SimWorld.Gate"/>.
/// </summary>
internal sealed class MultipartStore(SimWorld world, S3Store objects)
{
    private const string Service = "s3";
    private long uploadSequence;

    /// <summary>CreateMultipartUpload: returns the new upload's id.</summary>
    public string Create(string bucket, string key, string contentType, IReadOnlyDictionary<string, string> metadata)
    {
        lock (world.Gate)
        {
            var found = objects.RequireBucketLocked(bucket);
            var upload = new MultipartUpload(NewUploadId(), bucket, key, world.Time.GetUtcNow(), contentType, metadata);
            found.Uploads[upload.UploadId] = upload;
            return upload.UploadId;
        }
    }

    /// <summary>UploadPart: stores (or replaces) a part; returns its ETag.</summary>
    public string UploadPart(string bucket, string key, string uploadId, int? partNumber, byte[] content)
    {
        if (partNumber is not (>= 1 and <= S3Errors.MaxPartNumber))
        {
            throw S3Errors.InvalidPartNumber();
        }

        lock (world.Gate)
        {
            var upload = FindLocked(bucket, key, uploadId);
            var part = new UploadedPart(partNumber.Value, content, S3Store.Md5ETag(content), world.Time.GetUtcNow());
            upload.Parts[part.PartNumber] = part;
            return part.ETag;
        }
    }

    /// <summary>CompleteMultipartUpload: assembles the listed parts into the object and ends the upload.</summary>
    public SimObject Complete(string bucket, string key, string uploadId, IReadOnlyList<CompletedPartInput> listed)
    {
        lock (world.Gate)
        {
            var upload = FindLocked(bucket, key, uploadId);
            if (listed.Count == 0)
            {
                throw S3Errors.MalformedXml();
            }

            for (var i = 1; i < listed.Count; i++)
            {
                if (listed[i].PartNumber <= listed[i - 1].PartNumber)
                {
                    throw S3Errors.InvalidPartOrder();
                }
            }

            var parts = listed.Select(p => upload.Parts.TryGetValue(p.PartNumber, out var part) && SameETag(part.ETag, p.ETag)
                ? part
                : throw S3Errors.InvalidPart()).ToList();
            if (parts.SkipLast(1).Any(p => p.Size < S3Errors.MinPartSize))
            {
                throw S3Errors.EntityTooSmall();
            }

            var content = parts.SelectMany(p => p.Content).ToArray();
            var stored = objects.StoreLocked(bucket, key, content, MultipartETag(parts), upload.ContentType, upload.Metadata);
            objects.RequireBucketLocked(bucket).Uploads.Remove(uploadId);
            world.Faults.NoteCreated(Service, bucket + "/" + key);
            return stored;
        }
    }

    /// <summary>AbortMultipartUpload: drops the upload and its parts.</summary>
    public void Abort(string bucket, string key, string uploadId)
    {
        lock (world.Gate)
        {
            FindLocked(bucket, key, uploadId);
            objects.RequireBucketLocked(bucket).Uploads.Remove(uploadId);
        }
    }

    /// <summary>ListParts: the parts after <paramref name="partNumberMarker"/>, at most <paramref name="maxParts"/>.</summary>
    public (MultipartUpload Upload, IReadOnlyList<UploadedPart> Parts, bool IsTruncated) ListParts(
        string bucket, string key, string uploadId, int partNumberMarker, int maxParts)
    {
        lock (world.Gate)
        {
            var upload = FindLocked(bucket, key, uploadId);
            var after = upload.Parts.Values.Where(p => p.PartNumber > partNumberMarker).ToList();
            return (upload, [.. after.Take(maxParts)], after.Count > maxParts);
        }
    }

    /// <summary>
    /// ListMultipartUploads: uploads in key order, then in order of initiation (upload ids sort that way too), after
    /// the key marker, or at the key marker with an upload id greater than the upload id marker.
    /// </summary>
    public S3ListPage<MultipartUpload> ListUploads(string bucket, S3ListQuery query, string? uploadIdMarker)
    {
        lock (world.Gate)
        {
            var sorted = objects.RequireBucketLocked(bucket).Uploads.Values
                .OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.UploadId, StringComparer.Ordinal);
            return S3Listing.Page(sorted, u => u.Key, query, u => query.After is null
                || string.CompareOrdinal(u.Key, query.After) > 0
                || (uploadIdMarker is not null && u.Key == query.After && string.CompareOrdinal(u.UploadId, uploadIdMarker) > 0));
        }
    }

    /// <summary>S3 compares part ETags with or without their quotes.</summary>
    private static bool SameETag(string stored, string sent) => stored.Trim('"') == sent.Trim().Trim('"');

    private static string MultipartETag(IReadOnlyList<UploadedPart> parts)
    {
        var digests = parts.SelectMany(p => Convert.FromHexString(p.ETag.Trim('"'))).ToArray();
        return $"\"{Convert.ToHexStringLower(MD5.HashData(digests))}-{parts.Count}\"";
    }

    private MultipartUpload FindLocked(string bucket, string key, string uploadId)
    {
        var found = objects.RequireBucketLocked(bucket);
        return found.Uploads.TryGetValue(uploadId, out var upload) && upload.Key == key ? upload : throw S3Errors.NoSuchUpload();
    }

    /// <summary>An opaque-looking id whose ordinal order is the order of initiation (call under the gate).</summary>
    private string NewUploadId() =>
        (++uploadSequence).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + world.Ids.Alnum(54);
}
