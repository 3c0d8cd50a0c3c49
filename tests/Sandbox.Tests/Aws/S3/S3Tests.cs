using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ebops.Sandbox.Tests.Aws.S3;

/// <summary>S3 through the real AWSSDK.S3 client (path-style, streaming SigV4 uploads).</summary>
public sealed class S3Tests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_then_head_and_get_the_bundle()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var s3 = host.S3Client();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "bundles" }, Ct);
        var content = Encoding.UTF8.GetBytes(new string('x', 70_000) + "v1");
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "bundles", Key = "shop/v1.zip", InputStream = new MemoryStream(content), ContentType = "application/zip",
        }, Ct);
        var expectedEtag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(content)) + "\"";
        Assert.Equal(expectedEtag, put.ETag);

        var head = await s3.GetObjectMetadataAsync("bundles", "shop/v1.zip", Ct);
        Assert.Equal(content.Length, head.ContentLength);
        Assert.Equal(expectedEtag, head.ETag);
        Assert.Equal("application/zip", head.Headers.ContentType);

        using var get = await s3.GetObjectAsync("bundles", "shop/v1.zip", Ct);
        using var buffer = new MemoryStream();
        await get.ResponseStream.CopyToAsync(buffer, Ct);
        Assert.Equal(content, buffer.ToArray());
        Assert.Equal(content, host.World.S3.GetObject("bundles", "shop/v1.zip")!.Content);
        Assert.Equal(["CreateBucket", "PutObject", "HeadObject", "GetObject"], host.World.Calls.Actions("s3"));
    }

    /// <summary>GetObject's Range (one byte range): 206 with Content-Range; a range starting past the end is InvalidRange (416).</summary>
    [Fact]
    public async Task GetObject_with_a_byte_range_answers_206_with_that_slice()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.PutObject("bundles", "app.zip", Encoding.UTF8.GetBytes("0123456789"));
        using var s3 = host.S3Client();
        using var middle = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "bundles", Key = "app.zip", ByteRange = new ByteRange(2, 5) }, Ct);
        using var reader = new StreamReader(middle.ResponseStream);
        Assert.Equal(("2345", HttpStatusCode.PartialContent, "bytes 2-5/10"), (await reader.ReadToEndAsync(Ct), middle.HttpStatusCode, middle.ContentRange));

        var suffix = await host.SendAsync("s3", HttpMethod.Get, new Uri(host.Simulator.Endpoint, "/bundles/app.zip"), null, null, tamper: m => m.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(null, 3));
        Assert.Equal((206, "789"), (suffix.Status, suffix.Body));
        var pastEnd = await host.SendAsync("s3", HttpMethod.Get, new Uri(host.Simulator.Endpoint, "/bundles/app.zip"), null, null, tamper: m => m.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, null));
        Assert.Equal((416, "InvalidRange"), (pastEnd.Status, pastEnd.ErrorCode));
    }

    [Fact]
    public async Task Head_of_a_missing_key_is_a_bare_404()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.PutObject("bundles", "seeded.zip", [1, 2, 3]);
        using var s3 = host.S3Client();
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync("bundles", "missing.zip", Ct));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        var seeded = await s3.GetObjectMetadataAsync("bundles", "seeded.zip", Ct);
        Assert.Equal(3, seeded.ContentLength);

        var raw = await host.SendAsync("s3", HttpMethod.Head, new Uri(host.Simulator.Endpoint, "/bundles/missing.zip"), null, null);
        Assert.Equal(404, raw.Status);
        Assert.Equal("", raw.Body);
        var getMissing = await host.SendAsync("s3", HttpMethod.Get, new Uri(host.Simulator.Endpoint, "/bundles/missing.zip"), null, null);
        Assert.Equal(("Error", "NoSuchKey"), (getMissing.Xml.Name.LocalName, getMissing.ErrorCode));
        Assert.Equal(getMissing.Headers["x-amz-request-id"], getMissing.Value("RequestId"));
        var noBucket = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "nope", Key = "k", ContentBody = "x",
        }, Ct));
        Assert.Equal("NoSuchBucket", noBucket.ErrorCode);
    }

    [Fact]
    public async Task Unknown_key_gets_InvalidAccessKeyId_in_the_s3_shape()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        var reply = await host.SendAsync("s3", HttpMethod.Get, new Uri(host.Simulator.Endpoint, "/bundles/x"), null, null,
            credentials: new Amazon.Runtime.BasicAWSCredentials("AKIAUNKNOWNKEY000000", "x"));
        Assert.Equal((403, "InvalidAccessKeyId", "Error"), (reply.Status, reply.ErrorCode, reply.Xml.Name.LocalName));
    }

    [Fact]
    public async Task Upload_whose_body_was_changed_after_signing_is_rejected()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.CreateBucket("bundles");
        var factory = new TamperingHttpClientFactory("payload-marker");
        using var s3 = new AmazonS3Client(SimHost.SandboxCredentials, new AmazonS3Config
        {
            ServiceURL = host.Simulator.Endpoint.ToString(), AuthenticationRegion = host.Simulator.Region, ForcePathStyle = true,
            MaxErrorRetry = 0, HttpClientFactory = factory,
        });
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "bundles", Key = "v1.zip", InputStream = new MemoryStream(Encoding.UTF8.GetBytes("payload-marker and more")),
        }, Ct));

        // AWSSDK.S3 streams with signed chunks over HTTP: the chunk signature no longer matches the data.
        Assert.Contains(factory.PayloadModes, m => m.StartsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", StringComparison.Ordinal));
        Assert.Equal(("SignatureDoesNotMatch", HttpStatusCode.Forbidden), (error.ErrorCode, error.StatusCode));
        Assert.Null(host.World.S3.GetObject("bundles", "v1.zip"));
    }

    [Fact]
    public async Task Virtual_host_style_addressing_with_a_bucket_dot_localhost_host()
    {
        await using var host = await SimHost.StartAsync();
        host.World.S3.PutObject("bundles", "app/v1.zip", Encoding.UTF8.GetBytes("v1"));
        var port = host.Simulator.Endpoint.Port;
        var virtualUri = new Uri($"http://bundles.localhost:{port}/app/v1.zip");
        var reply = await host.SendAsync("s3", HttpMethod.Get, virtualUri, null, null, tamper: m =>
        {
            // Name resolution of *.localhost varies; connect to 127.0.0.1 and keep the signed Host header.
            m.RequestUri = new Uri(host.Simulator.Endpoint, virtualUri.PathAndQuery);
            m.Headers.Host = virtualUri.Authority;
        });
        Assert.Equal((200, "v1"), (reply.Status, reply.Body));
        var call = host.World.Calls.Find("s3").Single();
        Assert.Equal(("GetObject", "bundles", "app/v1.zip"), (call.Action, call.Parameters["Bucket"], call.Parameters["Key"]));
    }
}
