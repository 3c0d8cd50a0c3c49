using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>The tags the release reads once per environment are kept only for environments that exist and are read.</summary>
public sealed class EnvironmentTagCacheTests : IAsyncLifetime
{
    private const string Bucket = "bundles";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private EnvironmentManager environments = null!;
    private EnvironmentTagCache cache = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync(SimTiming.Instant);
        environments = aws.Create<EnvironmentManager>();
        cache = new EnvironmentTagCache(environments, aws.Time);
        aws.World.S3.CreateBucket(Bucket);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task Tags_of_a_terminated_environment_are_forgotten_when_its_application_is_read()
    {
        var blue = await EnvironmentAsync("myapp", EnvironmentManager.Blue);
        var green = await EnvironmentAsync("myapp", EnvironmentManager.Green);
        await cache.ReadAsync(blue, Ct);
        await cache.ReadAsync(green, Ct);
        Assert.Equal(2, cache.Count);

        await environments.TerminateAsync(blue, Ct);
        aws.Time.Advance(TimeSpan.FromHours(1));
        cache.Retain("myapp", await environments.ReadAllAsync("myapp", ReadMode.Live, Ct));

        Assert.Equal(1, cache.Count);
        aws.World.Calls.Clear();
        Assert.Equal("myapp", (await cache.ReadAsync(green, Ct))[EnvironmentManager.ReleaseTag]);
        Assert.Empty(aws.World.Calls.All);
    }

    [Fact]
    public async Task Tags_nobody_reads_any_more_are_forgotten_when_another_application_is_read()
    {
        var gone = await EnvironmentAsync("deleted", EnvironmentManager.Blue);
        var kept = await EnvironmentAsync("myapp", EnvironmentManager.Blue);
        await cache.ReadAsync(gone, Ct);
        await cache.ReadAsync(kept, Ct);

        aws.Time.Advance(EnvironmentManager.ApplicationIdleTime / 2);
        await cache.ReadAsync(kept, Ct);
        aws.Time.Advance(EnvironmentManager.ApplicationIdleTime / 2 + TimeSpan.FromMinutes(1));
        await cache.ReadAsync(kept, Ct);
        cache.Retain("myapp", [kept]);

        Assert.Equal(1, cache.Count);
    }

    private async Task<EbEnvironment> EnvironmentAsync(string app, string color)
    {
        if (color == EnvironmentManager.Blue)
        {
            await aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = app }, Ct);
            await aws.ElasticBeanstalk.CreateConfigurationTemplateAsync(new()
            {
                ApplicationName = app, TemplateName = "tpl", SolutionStackName = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17",
            }, Ct);
            aws.World.S3.PutObject(Bucket, app + "/v1.zip", [1, 2, 3]);
            await aws.ElasticBeanstalk.CreateApplicationVersionAsync(new()
            {
                ApplicationName = app, VersionLabel = "v1", SourceBundle = new() { S3Bucket = Bucket, S3Key = app + "/v1.zip" }, Process = true,
            }, Ct);
        }

        var owner = SimulatedAws.Owner(app, "BeanstalkApp");
        var tags = new Dictionary<string, string>(owner.Tags(EnvironmentManager.ComponentFor(color))) { [EnvironmentManager.ReleaseTag] = app };
        await environments.CreateAsync(new EbEnvironmentDesired(app, EnvironmentManager.NameFor(app, color), "tpl", "v1", tags, []), Ct);
        return (await environments.ReadAsync(app, EnvironmentManager.NameFor(app, color), ReadMode.Live, Ct))!;
    }
}
