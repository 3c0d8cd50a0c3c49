using Amazon.S3.Model;

namespace Ebops.Sandbox.Tests.Aws.S3;

/// <summary>
/// ListObjects and ListObjectsV2 as the S3 API reference describes them, checked on the wire and through AWSSDK.S3.
/// ListObjects: "Amazon S3 starts listing after this specified key" (marker); NextMarker "is returned only if you have
/// the delimiter request parameter specified"; "Each rolled-up result counts as only one return against the MaxKeys
/// value"; CommonPrefixes "is filtered out from results if it is not lexicographically greater than the key-marker".
/// ListObjectsV2: ContinuationToken and StartAfter are echoed when sent, NextContinuationToken "is sent when isTruncated
/// is true", KeyCount is what the page returned (keys and common prefixes).
/// </summary>
public sealed class ListObjectsTests
{
    private static readonly string[] Keys = ["a.txt", "b/1", "b/2", "c/x/1", "d.txt"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListObjects_pages_after_the_marker_and_echoes_it()
    {
        await using var host = await SeededAsync();
        var first = await ListAsync(host, "max-keys=2");
        Assert.Equal(["a.txt", "b/1"], first.All("Key").Select(k => k.Value));
        Assert.Equal(("true", "", null, "2"), (first.Value("IsTruncated"), first.Value("Marker"), first.Value("NextMarker"), first.Value("MaxKeys")));

        var second = await ListAsync(host, "marker=b%2F1&max-keys=2");
        Assert.Equal(["b/2", "c/x/1"], second.All("Key").Select(k => k.Value));
        Assert.Equal(("true", "b/1"), (second.Value("IsTruncated"), second.Value("Marker")));

        var last = await ListAsync(host, "marker=c%2Fx%2F1&max-keys=2");
        Assert.Equal(["d.txt"], last.All("Key").Select(k => k.Value));
        Assert.Equal("false", last.Value("IsTruncated"));

        var afterAll = await ListAsync(host, "marker=zzz");
        Assert.Empty(afterAll.All("Contents"));
        Assert.Equal("false", afterAll.Value("IsTruncated"));
    }

    [Fact]
    public async Task ListObjects_with_a_delimiter_rolls_keys_up_into_common_prefixes_that_count_once()
    {
        await using var host = await SeededAsync();
        var first = await ListAsync(host, "delimiter=%2F&max-keys=2");
        Assert.Equal(["a.txt"], first.All("Key").Select(k => k.Value));
        Assert.Equal(["b/"], first.All("CommonPrefixes").Select(c => c.Value));
        Assert.Equal(("true", "b/", "/"), (first.Value("IsTruncated"), first.Value("NextMarker"), first.Value("Delimiter")));

        // Resuming at a common prefix skips the keys rolled up into it.
        var second = await ListAsync(host, "delimiter=%2F&max-keys=2&marker=b%2F");
        Assert.Equal(["c/"], second.All("CommonPrefixes").Select(c => c.Value));
        Assert.Equal(["d.txt"], second.All("Key").Select(k => k.Value));
        Assert.Equal(("false", null), (second.Value("IsTruncated"), second.Value("NextMarker")));

        var nested = await ListAsync(host, "delimiter=%2F&prefix=c%2F");
        Assert.Equal(["c/x/"], nested.All("CommonPrefixes").Select(c => c.Value));
        Assert.Empty(nested.All("Contents"));
        Assert.Equal("c/", nested.Value("Prefix"));
    }

    [Fact]
    public async Task AwsSdk_paginates_ListObjects_with_NextMarker_or_the_last_key()
    {
        await using var host = await SeededAsync();
        using var s3 = host.S3Client();
        var keys = new List<string>();
        string? marker = null;
        do
        {
            var page = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = "bundles", MaxKeys = 2, Marker = marker }, Ct);
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            marker = page.IsTruncated == true ? page.NextMarker ?? page.S3Objects![^1].Key : null;
        }
        while (marker is not null);

        Assert.Equal(Keys, keys);
    }

    [Fact]
    public async Task ListObjectsV2_pages_with_continuation_tokens_and_counts_keys_and_prefixes()
    {
        await using var host = await SeededAsync();
        var first = await ListAsync(host, "list-type=2&max-keys=2");
        Assert.Equal(["a.txt", "b/1"], first.All("Key").Select(k => k.Value));
        Assert.Equal(("2", "true", null), (first.Value("KeyCount"), first.Value("IsTruncated"), first.Value("ContinuationToken")));
        var token = first.Value("NextContinuationToken")!;

        var second = await ListAsync(host, $"list-type=2&max-keys=2&continuation-token={Uri.EscapeDataString(token)}");
        Assert.Equal(["b/2", "c/x/1"], second.All("Key").Select(k => k.Value));
        Assert.Equal((token, "2"), (second.Value("ContinuationToken"), second.Value("KeyCount")));

        var startAfter = await ListAsync(host, "list-type=2&start-after=b%2F2");
        Assert.Equal(["c/x/1", "d.txt"], startAfter.All("Key").Select(k => k.Value));
        Assert.Equal(("b/2", "false", null), (startAfter.Value("StartAfter"), startAfter.Value("IsTruncated"), startAfter.Value("NextContinuationToken")));

        var rolledUp = await ListAsync(host, "list-type=2&delimiter=%2F");
        Assert.Equal(["a.txt", "d.txt"], rolledUp.All("Key").Select(k => k.Value));
        Assert.Equal(["b/", "c/"], rolledUp.All("CommonPrefixes").Select(c => c.Value));
        Assert.Equal("4", rolledUp.Value("KeyCount"));

        var bad = await ListAsync(host, "list-type=2&continuation-token=bm90LWEtdG9rZW4%3D", expectedStatus: 400);
        Assert.Equal("InvalidArgument", bad.ErrorCode);
    }

    [Fact]
    public async Task AwsSdk_lists_a_bucket_root_like_aws_s3_ls()
    {
        await using var host = await SeededAsync();
        using var s3 = host.S3Client();
        var root = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "bundles", Delimiter = "/" }, Ct);
        Assert.Equal(["b/", "c/"], root.CommonPrefixes);
        Assert.Equal(["a.txt", "d.txt"], root.S3Objects.Select(o => o.Key));

        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = "bundles", MaxKeys = 2 };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, Ct);
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        Assert.Equal(Keys, keys);
    }

    [Fact]
    public async Task Url_encoding_type_encodes_keys_and_prefixes_in_the_response()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.S3.PutObject("bundles", "dir one/a+b.txt", [1]);
        var listed = await ListAsync(host, "delimiter=%2F&encoding-type=url");
        Assert.Equal(["dir%20one/"], listed.All("CommonPrefixes").Select(c => c.Value));
        Assert.Equal("url", listed.Value("EncodingType"));
        var v2 = await ListAsync(host, "list-type=2&encoding-type=url");
        Assert.Equal(["dir%20one/a%2Bb.txt"], v2.All("Key").Select(k => k.Value));

        Assert.Equal("InvalidArgument", (await ListAsync(host, "encoding-type=base64", expectedStatus: 400)).ErrorCode);
        Assert.Equal("InvalidArgument", (await ListAsync(host, "max-keys=-1", expectedStatus: 400)).ErrorCode);
    }

    private static async Task<SimHost> SeededAsync()
    {
        var host = await SimHost.StartAsync(sdkClients: true);
        foreach (var key in Keys.Reverse())
        {
            host.World.S3.PutObject("bundles", key, [1, 2]);
        }

        return host;
    }

    private static async Task<SimReply> ListAsync(SimHost host, string query, int expectedStatus = 200)
    {
        var reply = await host.SendAsync("s3", HttpMethod.Get, new Uri(host.Simulator.Endpoint, "/bundles?" + query), null, null);
        Assert.True(reply.Status == expectedStatus, $"{query}: {reply.Status} {reply.Body}");
        return reply;
    }
}
