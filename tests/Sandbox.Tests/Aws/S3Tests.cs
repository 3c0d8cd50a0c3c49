using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ebops.Sandbox.Tests.Aws;

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
}
