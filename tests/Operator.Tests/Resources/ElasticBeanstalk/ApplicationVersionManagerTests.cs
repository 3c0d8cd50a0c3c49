using Ebops.Operator.Aws.Core;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Operator.Tests.Resources.ElasticBeanstalk;

public sealed class ApplicationVersionManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly IReadOnlyDictionary<string, string> Tags = SimulatedAws.Owner("myapp", "BlueGreenRelease").Tags("version");
    private SimulatedAws aws = null!;
    private ApplicationVersionManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync(SimTiming.Instant);
        manager = new ApplicationVersionManager(aws.ElasticBeanstalk, NullLogger<ApplicationVersionManager>.Instance);
        aws.World.S3.CreateBucket("bundles");
        aws.World.S3.PutObject("bundles", "myapp/1.0.1.zip", [1, 2, 3]);
        await aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = "myapp" }, Ct);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task Create_registers_the_bundle_once_with_tags_and_a_repeated_create_is_done()
    {
        Assert.False(await manager.ExistsAsync("myapp", "1.0.1", Ct));

        await manager.CreateAsync("myapp", "1.0.1", "bundles", "myapp/1.0.1.zip", Tags, Ct);
        await manager.CreateAsync("myapp", "1.0.1", "bundles", "myapp/1.0.1.zip", Tags, Ct);

        Assert.True(await manager.ExistsAsync("myapp", "1.0.1", Ct));
        Assert.Equal(1, aws.Succeeded("elasticbeanstalk", "CreateApplicationVersion"));
        var version = await aws.ElasticBeanstalk.FindApplicationVersionAsync("myapp", "1.0.1", Ct);
        Assert.Equal(("bundles", "myapp/1.0.1.zip"), (version!.SourceBundle!.S3Bucket, version.SourceBundle.S3Key));
        var tags = await aws.ElasticBeanstalk.ListTagsForResourceAsync(new() { ResourceArn = version.ApplicationVersionArn }, Ct);
        Assert.Contains(tags.ResourceTags!, t => t.Key == "ebops.io/component" && t.Value == "version");
    }

    [Fact]
    public async Task A_bundle_eb_cannot_read_is_a_terminal_error()
    {
        var error = await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync("myapp", "1.0.2", "bundles", "myapp/missing.zip", Tags, Ct));

        Assert.True(error.IsTerminal);
        Assert.False(await manager.ExistsAsync("myapp", "1.0.2", Ct));
    }
}
