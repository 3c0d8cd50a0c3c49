using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.ElasticBeanstalk;

public sealed class EnvironmentManagerTests : IAsyncLifetime
{
    private const string Stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";
    private const string Bucket = "bundles";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly ResourceOwner Owner = SimulatedAws.Owner("myapp", "BeanstalkApp");
    private SimulatedAws aws = null!;
    private EnvironmentManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync(SimTiming.Instant);
        manager = aws.Create<EnvironmentManager>();
        aws.World.S3.CreateBucket(Bucket);
        await AppAsync("myapp");
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private async Task AppAsync(string name)
    {
        await aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = name }, Ct);
        await aws.ElasticBeanstalk.CreateConfigurationTemplateAsync(new()
        {
            ApplicationName = name,
            TemplateName = "tpl",
            SolutionStackName = Stack,
            OptionSettings =
            [
                new() { Namespace = ElasticBeanstalkOptions.AutoScalingGroup, OptionName = ElasticBeanstalkOptions.MinSize, Value = "2" },
                new() { Namespace = ElasticBeanstalkOptions.Environment, OptionName = ElasticBeanstalkOptions.LoadBalancerType, Value = "application" },
            ],
        }, Ct);
        aws.World.S3.PutObject(Bucket, name + "/v1.zip", [1, 2, 3]);
        await aws.ElasticBeanstalk.CreateApplicationVersionAsync(new()
        {
            ApplicationName = name, VersionLabel = "v1", SourceBundle = new() { S3Bucket = Bucket, S3Key = name + "/v1.zip" }, Process = true,
        }, Ct);
    }

    private static EbEnvironmentDesired Desired(string app, string color, params EbTemplateOption[] overrides) => new(
        app, EnvironmentManager.NameFor(app, color), "tpl", "v1",
        new Dictionary<string, string>(Owner.Tags(EnvironmentManager.ComponentFor(color))) { [EnvironmentManager.ReleaseTag] = "myapp" },
        overrides);

    [Fact]
    public async Task Create_launches_from_the_template_with_tags_and_overrides_and_reads_back_by_colour()
    {
        var created = await manager.CreateAsync(Desired("myapp", EnvironmentManager.Blue,
            new EbTemplateOption(ElasticBeanstalkOptions.AutoScalingGroup, ElasticBeanstalkOptions.MinSize, "3")), Ct);

        Assert.Equal(("myapp-blue", EnvironmentManager.Blue, "tpl", "v1"), (created.Name, created.Color, created.TemplateName, created.VersionLabel));
        var tags = await manager.ReadTagsAsync(created, Ct);
        Assert.True(Owner.Owns(tags, "environment-blue"));
        Assert.Equal("myapp", tags[EnvironmentManager.ReleaseTag]);
        var settings = await aws.ElasticBeanstalk.DescribeConfigurationSettingsAsync(new() { ApplicationName = "myapp", EnvironmentName = "myapp-blue" }, Ct);
        Assert.Contains(settings.ConfigurationSettings![0].OptionSettings!, o => o.OptionName == ElasticBeanstalkOptions.MinSize && o.Value == "3");

        var ready = await manager.ReadAsync("myapp", "myapp-blue", ReadMode.Live, Ct);
        Assert.True(ready!.IsReady);
        Assert.NotNull(ready.Cname);
    }

    [Fact]
    public async Task A_second_create_finds_the_environment_instead_of_launching_another()
    {
        await manager.CreateAsync(Desired("myapp", EnvironmentManager.Green), Ct);
        await manager.CreateAsync(Desired("myapp", EnvironmentManager.Green), Ct);

        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "CreateEnvironment"));
    }

    [Fact]
    public async Task Health_load_balancer_and_cname_swap()
    {
        var blue = await manager.CreateAsync(Desired("myapp", EnvironmentManager.Blue), Ct);
        var green = await manager.CreateAsync(Desired("myapp", EnvironmentManager.Green), Ct);
        blue = (await manager.ReadAsync("myapp", blue.Name, ReadMode.Live, Ct))!;
        green = (await manager.ReadAsync("myapp", green.Name, ReadMode.Live, Ct))!;

        var health = await manager.ReadHealthAsync(blue, Ct);
        Assert.Equal(blue.Name, health.EnvironmentName);
        Assert.Equal(2, health.Instances.Total);

        var arn = await manager.ReadLoadBalancerArnAsync(blue, Ct);
        Assert.StartsWith("arn:aws:elasticloadbalancing:", arn);
        aws.World.Calls.Clear();
        Assert.Equal(arn, await manager.ReadLoadBalancerArnAsync(blue, Ct));
        Assert.Empty(aws.World.Calls.All);

        await manager.SwapCnamesAsync(blue, green, Ct);
        var swapped = await manager.ReadAsync("myapp", blue.Name, ReadMode.Cached, Ct);
        Assert.Equal(green.Cname, swapped!.Cname);
    }

    [Fact]
    public async Task Cached_reads_of_every_application_cost_one_describe_even_without_environments()
    {
        await AppAsync("other");
        await AppAsync("empty");
        await manager.CreateAsync(Desired("myapp", EnvironmentManager.Blue), Ct);
        await manager.CreateAsync(Desired("other", EnvironmentManager.Blue), Ct);
        foreach (var app in new[] { "myapp", "other", "empty" })
        {
            await manager.ReadAllAsync(app, ReadMode.Live, Ct);
        }

        aws.Time.Advance(TimeSpan.FromMinutes(5));
        aws.World.Calls.Clear();
        foreach (var app in new[] { "myapp", "other", "empty", "myapp" })
        {
            await manager.ReadAllAsync(app, ReadMode.Cached, Ct);
        }

        Assert.Equal(["DescribeEnvironments"], aws.World.Calls.Actions("elasticbeanstalk"));
        Assert.Empty(await manager.ReadAllAsync("empty", ReadMode.Cached, Ct));
    }

    [Fact]
    public async Task Terminate_is_idempotent_and_the_environment_disappears()
    {
        var blue = await manager.CreateAsync(Desired("myapp", EnvironmentManager.Blue), Ct);
        blue = (await manager.ReadAsync("myapp", blue.Name, ReadMode.Live, Ct))!;

        await manager.TerminateAsync(blue, Ct);
        await manager.TerminateAsync(blue, Ct);
        var after = await manager.ReadAsync("myapp", blue.Name, ReadMode.Live, Ct);
        if (after is not null)
        {
            Assert.True(after.IsTerminatingOrTerminated);
            await manager.TerminateAsync(after, Ct);
        }

        Assert.Null(await manager.ReadAsync("myapp", blue.Name, ReadMode.Live, Ct));
        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "TerminateEnvironment"), c => c.Succeeded);
    }

    [Fact]
    public async Task Load_balancers_of_environments_that_are_gone_are_forgotten()
    {
        var blue = await manager.CreateAsync(Desired("myapp", EnvironmentManager.Blue), Ct);
        var green = await manager.CreateAsync(Desired("myapp", EnvironmentManager.Green), Ct);
        blue = (await manager.ReadAsync("myapp", blue.Name, ReadMode.Live, Ct))!;
        green = (await manager.ReadAsync("myapp", green.Name, ReadMode.Live, Ct))!;
        Assert.NotNull(await manager.ReadLoadBalancerArnAsync(blue, Ct));
        Assert.NotNull(await manager.ReadLoadBalancerArnAsync(green, Ct));
        Assert.Equal(2, manager.RememberedLoadBalancers);

        await manager.TerminateAsync(blue, Ct);
        Assert.Equal(1, manager.RememberedLoadBalancers);

        // Terminated by someone else: forgotten once a describe no longer lists it.
        await aws.ElasticBeanstalk.TerminateEnvironmentAsync(new() { EnvironmentId = green.Id, TerminateResources = true }, Ct);
        aws.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await manager.ReadAllAsync("myapp", ReadMode.Live, Ct));
        Assert.Equal(0, manager.RememberedLoadBalancers);
    }

    [Fact]
    public async Task An_application_nobody_reads_any_more_leaves_the_snapshot()
    {
        await AppAsync("empty");
        await manager.ReadAllAsync("empty", ReadMode.Cached, Ct);
        await manager.ReadAllAsync("myapp", ReadMode.Cached, Ct);
        Assert.Equal(2, manager.RememberedApplications);

        aws.Time.Advance(EnvironmentManager.ApplicationIdleTime / 2);
        await manager.ReadAllAsync("myapp", ReadMode.Cached, Ct);
        aws.Time.Advance(EnvironmentManager.ApplicationIdleTime / 2 + TimeSpan.FromMinutes(1));
        await manager.ReadAllAsync("myapp", ReadMode.Cached, Ct);

        Assert.Equal(1, manager.RememberedApplications);
        Assert.Empty(await manager.ReadAllAsync("empty", ReadMode.Cached, Ct));
        Assert.Equal(2, manager.RememberedApplications);
    }
}
