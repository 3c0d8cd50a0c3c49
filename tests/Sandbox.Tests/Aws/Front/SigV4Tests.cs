using System.Text;
using Amazon.S3.Model;

namespace Ebops.Sandbox.Tests.Aws.Front;

/// <summary>Canonicalisation corners of the simulator's SigV4 verifier, signed by independent clients.</summary>
public sealed class SigV4Tests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_call_sent_as_a_GET_with_encoded_parameters_verifies()
    {
        await using var host = await SimHost.StartAsync();
        var uri = new Uri(host.Simulator.Endpoint,
            "/?Action=DescribeDBParameterGroups&Version=2014-10-31&DBParameterGroupName=" + Uri.EscapeDataString("no such/group+x"));
        var reply = await host.SendAsync("rds", HttpMethod.Get, uri, null, null);
        Assert.Equal((404, "DBParameterGroupNotFound"), (reply.Status, reply.ErrorCode));
        Assert.Equal("no such/group+x", host.World.Calls.All.Single().Parameters["DBParameterGroupName"]);
    }

    [Fact]
    public async Task S3_keys_with_reserved_and_unicode_characters_verify()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var s3 = host.S3Client();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "bundles" }, Ct);
        const string key = "shop/v 1+β=(x)&y.zip";
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bundles", Key = key, ContentBody = "hello" }, Ct);
        var head = await s3.GetObjectMetadataAsync("bundles", key, Ct);
        Assert.Equal(5, head.ContentLength);
        Assert.NotNull(host.World.S3.GetObject("bundles", key));
    }

    [Fact]
    public async Task Presigned_url_works_and_a_tampered_one_does_not()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.PutObject("bundles", "v1.zip", Encoding.UTF8.GetBytes("bundle-v1"));
        using var s3 = host.S3Client();
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "bundles", Key = "v1.zip", Expires = DateTime.UtcNow.AddMinutes(10), Protocol = Amazon.S3.Protocol.HTTP,
        });
        MoveTo(host, SignedAt(url));
        using var http = new HttpClient();
        Assert.Equal("bundle-v1", await http.GetStringAsync(url, Ct));
        using var tampered = await http.GetAsync(url.Replace("v1.zip", "v2.zip", StringComparison.Ordinal), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await tampered.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Body_that_does_not_match_its_declared_hash_is_rejected()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.SendAsync("s3", HttpMethod.Put, new Uri(host.Simulator.Endpoint, "/bundles"), Encoding.UTF8.GetBytes("abc"), "text/plain",
            tamper: m => m.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("abd")));
        Assert.Equal((400, "XAmzContentSHA256Mismatch"), (reply.Status, reply.ErrorCode));
    }

    [Fact]
    public async Task Presigned_url_expires_on_the_simulators_clock()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.PutObject("bundles", "v1.zip", Encoding.UTF8.GetBytes("bundle-v1"));
        using var s3 = host.S3Client();
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "bundles", Key = "v1.zip", Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP,
        });

        // The SDK presigns with the real clock: the simulator's clock is moved to the signing time (it may be a fraction
        // of a second past it already) and to the last second of validity, so how long the test took does not matter.
        var signedAt = SignedAt(url);
        var expires = TimeSpan.FromSeconds(int.Parse(Query(url, "X-Amz-Expires"), System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        foreach (var at in new[] { signedAt, signedAt + expires - TimeSpan.FromSeconds(1) })
        {
            MoveTo(host, at);
            using var fresh = await http.GetAsync(url, Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, fresh.StatusCode);
        }

        MoveTo(host, signedAt + expires + TimeSpan.FromSeconds(1));
        using var expired = await http.GetAsync(url, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, expired.StatusCode);
        var body = await expired.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<Code>AccessDenied</Code>", body);
        Assert.Contains("Request has expired", body);
    }

    /// <summary>Moves the fake clock forward to <paramref name="at"/> (it cannot go back).</summary>
    private static void MoveTo(SimHost host, DateTimeOffset at)
    {
        if (at > host.Time.GetUtcNow())
        {
            host.Time.SetUtcNow(at);
        }
    }

    private static DateTimeOffset SignedAt(string url) => DateTimeOffset.ParseExact(Query(url, "X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'",
        System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static string Query(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[name] ?? throw new InvalidOperationException($"{name} missing in {url}");
}
