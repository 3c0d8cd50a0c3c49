using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace Ebops.Sandbox.Tests.Aws.S3;

/// <summary>
/// Multipart upload as the S3 API reference and the multipart upload limits describe it: part numbers 1-10,000, a part
/// uploaded again replaces the earlier one; CompleteMultipartUpload assembles the listed parts, which must be in
/// ascending order (InvalidPartOrder), exist with their ETags (InvalidPart), and be at least 5 MiB except the last
/// (EntityTooSmall); the object's ETag is the MD5 of the parts' binary MD5s, a dash and the number of parts; an upload
/// that was completed, aborted or never existed is NoSuchUpload (404).
/// </summary>
public sealed class MultipartUploadTests
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parts_are_assembled_in_order_under_the_multipart_etag()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.CreateBucket("bundles");
        using var s3 = host.S3Client();
        var upload = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = "bundles", Key = "app/v2.jar", ContentType = "application/java-archive" }, Ct)).UploadId;
        byte[][] parts = [Filled(5 * MiB, 1), Filled(5 * MiB, 2), Filled(1000, 3)];
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = "bundles", Key = "app/v2.jar", UploadId = upload, PartNumber = i + 1, InputStream = new MemoryStream(parts[i]),
            }, Ct);
            Assert.Equal(Quoted(MD5.HashData(parts[i])), part.ETag);
            etags.Add(new PartETag(i + 1, part.ETag));
        }

        var listed = await s3.ListPartsAsync(new ListPartsRequest { BucketName = "bundles", Key = "app/v2.jar", UploadId = upload }, Ct);
        Assert.Equal([(1, 5L * MiB), (2, 5L * MiB), (3, 1000L)], listed.Parts.Select(p => (p.PartNumber ?? 0, p.Size ?? 0)));

        var completed = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "bundles", Key = "app/v2.jar", UploadId = upload, PartETags = etags,
        }, Ct);
        var expectedEtag = "\"" + Convert.ToHexStringLower(MD5.HashData([.. parts.SelectMany(MD5.HashData)])) + "-3\"";
        Assert.Equal(expectedEtag, completed.ETag);

        var stored = host.World.S3.GetObject("bundles", "app/v2.jar")!;
        Assert.Equal(parts.SelectMany(p => p), stored.Content);
        Assert.Equal((expectedEtag, "application/java-archive"), (stored.ETag, stored.ContentType));
        var head = await s3.GetObjectMetadataAsync("bundles", "app/v2.jar", Ct);
        Assert.Equal((10L * MiB + 1000, expectedEtag), (head.ContentLength, head.ETag));
        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListPartsAsync(new ListPartsRequest { BucketName = "bundles", Key = "app/v2.jar", UploadId = upload }, Ct));
        Assert.Equal(("NoSuchUpload", HttpStatusCode.NotFound), (gone.ErrorCode, gone.StatusCode));
    }

    [Fact]
    public async Task Completion_checks_part_sizes_order_and_etags_and_keeps_the_upload_when_it_fails()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.CreateBucket("bundles");
        var upload = await CreateAsync(host, "big.zip");
        var small = await UploadPartAsync(host, "big.zip", upload, 1, Filled(MiB, 1));
        var last = await UploadPartAsync(host, "big.zip", upload, 2, Filled(10, 2));

        Assert.Equal("EntityTooSmall", (await CompleteAsync(host, "big.zip", upload, (1, small), (2, last))).ErrorCode);
        Assert.Equal("InvalidPartOrder", (await CompleteAsync(host, "big.zip", upload, (2, last), (1, small))).ErrorCode);
        Assert.Equal("InvalidPartOrder", (await CompleteAsync(host, "big.zip", upload, (1, small), (1, small))).ErrorCode);
        Assert.Equal("InvalidPart", (await CompleteAsync(host, "big.zip", upload, (1, last))).ErrorCode);
        Assert.Equal("InvalidPart", (await CompleteAsync(host, "big.zip", upload, (1, small), (3, last))).ErrorCode);
        Assert.Equal("MalformedXML", (await CompleteAsync(host, "big.zip", upload)).ErrorCode);
        var unknown = await CompleteAsync(host, "big.zip", "no-such-upload", (1, small));
        Assert.Equal((404, "NoSuchUpload"), (unknown.Status, unknown.ErrorCode));
        Assert.Equal("NoSuchUpload", (await CompleteAsync(host, "other.zip", upload, (1, small))).ErrorCode);

        // Replacing part 1 with a 5 MiB part makes the same list valid; the last part may be any size.
        var big = await UploadPartAsync(host, "big.zip", upload, 1, Filled(5 * MiB, 3));
        Assert.NotEqual(small, big);
        Assert.Equal("InvalidPart", (await CompleteAsync(host, "big.zip", upload, (1, small), (2, last))).ErrorCode);
        var done = await CompleteAsync(host, "big.zip", upload, (1, big), (2, last.Trim('"')));
        Assert.Equal((200, "CompleteMultipartUploadResult"), (done.Status, done.Xml.Name.LocalName));
        Assert.EndsWith("-2\"", done.Value("ETag"), StringComparison.Ordinal);
        Assert.Equal(5 * MiB + 10, host.World.S3.GetObject("bundles", "big.zip")!.Content.Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("x")]
    public async Task Part_numbers_outside_1_to_10000_are_InvalidArgument(string partNumber)
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.CreateBucket("bundles");
        var upload = await CreateAsync(host, "k");
        var reply = await host.SendAsync("s3", HttpMethod.Put, Uri(host, $"/bundles/k?partNumber={partNumber}&uploadId={upload}"), [1], "application/octet-stream");
        Assert.Equal((400, "InvalidArgument"), (reply.Status, reply.ErrorCode));
        Assert.StartsWith("\"", await UploadPartAsync(host, "k", upload, 10000, [1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_ends_the_upload_and_ListMultipartUploads_shows_the_ones_in_progress()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.CreateBucket("bundles");
        using var s3 = host.S3Client();
        var first = await CreateAsync(host, "app/a.zip");
        var second = await CreateAsync(host, "app/b.zip");
        var third = await CreateAsync(host, "app/b.zip");
        await CreateAsync(host, "other/c.zip");

        var page = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "bundles", Prefix = "app/", MaxUploads = 2 }, Ct);
        Assert.Equal([("app/a.zip", first), ("app/b.zip", second)], page.MultipartUploads.Select(u => (u.Key, u.UploadId)));
        Assert.Equal((true, "app/b.zip", second), (page.IsTruncated == true, page.NextKeyMarker, page.NextUploadIdMarker));
        var next = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = "bundles", Prefix = "app/", KeyMarker = page.NextKeyMarker, UploadIdMarker = page.NextUploadIdMarker,
        }, Ct);
        Assert.Equal([third], next.MultipartUploads.Select(u => u.UploadId));
        var folders = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "bundles", Delimiter = "/" }, Ct);
        Assert.Equal(["app/", "other/"], folders.CommonPrefixes);

        await s3.AbortMultipartUploadAsync("bundles", "app/a.zip", first, Ct);
        var aborted = await host.SendAsync("s3", HttpMethod.Put, Uri(host, $"/bundles/app/a.zip?partNumber=1&uploadId={first}"), [1], "application/octet-stream");
        Assert.Equal((404, "NoSuchUpload"), (aborted.Status, aborted.ErrorCode));
        var again = await Assert.ThrowsAsync<NoSuchUploadException>(() => s3.AbortMultipartUploadAsync("bundles", "app/a.zip", first, Ct));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var remaining = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "bundles" }, Ct);
        Assert.Equal(["app/b.zip", "app/b.zip", "other/c.zip"], remaining.MultipartUploads.Select(u => u.Key));
        Assert.Null(host.World.S3.GetObject("bundles", "app/a.zip"));
    }

    [Fact]
    public async Task TransferUtility_uploads_a_large_bundle_in_parts()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.CreateBucket("bundles");
        using var s3 = host.S3Client();
        var bundle = Filled(17 * MiB, 7);
        using var transfer = new TransferUtility(s3);
        await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "bundles", Key = "app/v3.jar", InputStream = new MemoryStream(bundle), PartSize = 5 * MiB }, Ct);

        var stored = host.World.S3.GetObject("bundles", "app/v3.jar")!;
        Assert.Equal(bundle, stored.Content);
        Assert.EndsWith("-4\"", stored.ETag, StringComparison.Ordinal);
        Assert.Contains("CompleteMultipartUpload", host.World.Calls.Actions("s3"));
    }

    private static byte[] Filled(int length, byte seed)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(seed + (i * 31));
        }

        return bytes;
    }

    private static string Quoted(byte[] md5) => "\"" + Convert.ToHexStringLower(md5) + "\"";

    private static Uri Uri(SimHost host, string pathAndQuery) => new(host.Simulator.Endpoint, pathAndQuery);

    private static async Task<string> CreateAsync(SimHost host, string key)
    {
        var reply = await host.SendAsync("s3", HttpMethod.Post, Uri(host, $"/bundles/{key}?uploads"), [], null);
        Assert.Equal((200, "InitiateMultipartUploadResult", key), (reply.Status, reply.Xml.Name.LocalName, reply.Value("Key")));
        return reply.Value("UploadId")!;
    }

    private static async Task<string> UploadPartAsync(SimHost host, string key, string uploadId, int partNumber, byte[] content)
    {
        var reply = await host.SendAsync("s3", HttpMethod.Put, Uri(host, $"/bundles/{key}?partNumber={partNumber}&uploadId={uploadId}"), content, "application/octet-stream");
        Assert.Equal(200, reply.Status);
        return reply.Headers["ETag"];
    }

    private static Task<SimReply> CompleteAsync(SimHost host, string key, string uploadId, params (int Number, string ETag)[] parts)
    {
        var body = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        foreach (var (number, etag) in parts)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<Part><ETag>{WebUtility.HtmlEncode(etag)}</ETag><PartNumber>{number}</PartNumber></Part>");
        }

        body.Append("</CompleteMultipartUpload>");
        return host.SendAsync("s3", HttpMethod.Post, Uri(host, $"/bundles/{key}?uploadId={uploadId}"), Encoding.UTF8.GetBytes(body.ToString()), "application/xml");
    }
}
