using Ebops.Operator.Aws.Core;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.ElasticBeanstalk;

public sealed class ApplicationManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly ResourceOwner Owner = SimulatedAws.Owner("myapp", "BeanstalkApp");
    private SimulatedAws aws = null!;
    private ApplicationManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync(SimTiming.Instant);
        manager = aws.Create<ApplicationManager>();
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static EbApplicationDesired Desired(string name = "myapp", EbVersionLifecycleRule? lifecycle = null) =>
        new(name, "managed by ebops", "aws-elasticbeanstalk-service-role", lifecycle, Owner.Tags("application"));

    [Fact]
    public async Task Create_tags_the_application_and_sets_the_lifecycle_rule_with_the_role_arn()
    {
        var created = await manager.CreateAsync(Desired(lifecycle: new EbVersionLifecycleRule(20, false)), Ct);

        Assert.Equal("myapp", created.Name);
        Assert.Equal(new EbVersionLifecycleRule(20, false), created.Lifecycle);
        Assert.Equal($"arn:aws:iam::{SandboxNetwork.AccountId}:role/aws-elasticbeanstalk-service-role", created.ServiceRoleArn);
        Assert.True(manager.Diff(Desired(lifecycle: new EbVersionLifecycleRule(20, false)), created).IsEmpty);
        var tags = await manager.ReadTagsAsync(created, Ct);
        Assert.True(Owner.Owns(tags, "application"));
        Assert.Equal(["CreateApplication", "UpdateApplicationResourceLifecycle"], aws.Mutations("elasticbeanstalk"));
    }

    [Fact]
    public async Task A_second_create_after_a_lost_response_finds_the_application()
    {
        await manager.CreateAsync(Desired(), Ct);
        var again = await manager.CreateAsync(Desired(), Ct);

        Assert.Equal("myapp", again.Name);
        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "CreateApplication"));
    }

    [Fact]
    public async Task Update_changes_only_the_lifecycle_fields_that_differ()
    {
        var created = await manager.CreateAsync(Desired(lifecycle: new EbVersionLifecycleRule(20, false)), Ct);
        var want = Desired(lifecycle: new EbVersionLifecycleRule(5, true));

        var delta = manager.Diff(want, created);
        Assert.Equal(["Lifecycle.MaxCount", "Lifecycle.DeleteSourceFromS3"], delta.Fields);
        var updated = await manager.UpdateAsync(want, created, delta, Ct);
        Assert.Equal(new EbVersionLifecycleRule(5, true), updated.Lifecycle);

        var off = Desired();
        Assert.Equal(["Lifecycle.Enabled"], manager.Diff(off, updated).Fields);
        Assert.Null((await manager.UpdateAsync(off, updated, manager.Diff(off, updated), Ct)).Lifecycle);
    }

    [Fact]
    public async Task Cached_reads_of_many_applications_cost_one_describe()
    {
        foreach (var name in new[] { "app-a", "app-b", "app-c" })
        {
            await manager.CreateAsync(Desired(name), Ct);
        }

        aws.World.Calls.Clear();
        foreach (var name in new[] { "app-a", "app-b", "app-c", "app-a" })
        {
            Assert.NotNull(await manager.ReadAsync(name, ReadMode.Cached, Ct));
        }

        Assert.Equal(["DescribeApplications"], aws.World.Calls.Actions("elasticbeanstalk"));
    }

    [Fact]
    public async Task Delete_is_idempotent_and_a_read_then_says_gone()
    {
        var created = await manager.CreateAsync(Desired(), Ct);

        await manager.DeleteAsync(created, Ct);
        await manager.DeleteAsync(created, Ct);

        Assert.Null(await manager.ReadAsync("myapp", ReadMode.Cached, Ct));
    }

    [Fact]
    public async Task A_throttled_create_retried_later_makes_one_application()
    {
        aws.World.Faults.Add(FaultRule.Throttle("elasticbeanstalk", "CreateApplication", count: 1));

        var failure = await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(Desired(), Ct));
        Assert.True(failure.IsThrottled);
        await manager.CreateAsync(Desired(), Ct);

        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "CreateApplication"), c => c.Succeeded);
        Assert.Single((await aws.ElasticBeanstalk.DescribeApplicationsAsync(new(), Ct)).Applications!);
    }

    [Fact]
    public async Task A_server_error_after_the_create_took_effect_is_followed_by_no_second_create()
    {
        // The first attempt succeeds in AWS but the answer is lost: the next create finds the application.
        await manager.CreateAsync(Desired(), Ct);
        aws.World.Faults.Add(FaultRule.ServerError("elasticbeanstalk", "DescribeApplications", count: 1));

        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(Desired(), Ct));
        await manager.CreateAsync(Desired(), Ct);

        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "CreateApplication"));
    }
}
