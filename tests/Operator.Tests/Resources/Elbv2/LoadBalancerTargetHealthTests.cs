using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Operator.Tests.Resources.Elbv2;

/// <summary>The health of an environment's instances behind its own ALB (the release's target check without an NLB).</summary>
public sealed class LoadBalancerTargetHealthTests : IAsyncLifetime
{
    private const string Stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;

    public async ValueTask InitializeAsync() => aws = await SimulatedAws.StartAsync();

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task The_instances_behind_an_environments_alb_are_reported_and_turn_healthy()
    {
        aws.World.S3.CreateBucket("bundles");
        aws.World.S3.PutObject("bundles", "v1.zip", [1]);
        await aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = "myapp" }, Ct);
        await aws.ElasticBeanstalk.CreateApplicationVersionAsync(new()
        {
            ApplicationName = "myapp", VersionLabel = "v1", SourceBundle = new() { S3Bucket = "bundles", S3Key = "v1.zip" },
        }, Ct);
        var environments = new EnvironmentManager(aws.ElasticBeanstalk, aws.Settings, aws.Time, NullLogger<EnvironmentManager>.Instance);
        await aws.ElasticBeanstalk.CreateEnvironmentAsync(new()
        {
            ApplicationName = "myapp", EnvironmentName = "myapp-blue", VersionLabel = "v1", SolutionStackName = Stack,
            OptionSettings = [new() { Namespace = "aws:autoscaling:asg", OptionName = "MinSize", Value = "2" }],
        }, Ct);
        var environment = (await environments.ReadAsync("myapp", "myapp-blue", ReadMode.Live, Ct))!;
        var alb = (await environments.ReadLoadBalancerArnAsync(environment, Ct))!;
        var manager = new NlbKit(aws).TargetGroups;

        var launching = await manager.ReadLoadBalancerTargetHealthAsync(alb, Ct);
        Assert.Equal(2, launching.Count);
        Assert.All(launching, t => Assert.StartsWith("i-", t.TargetId, StringComparison.Ordinal));

        for (var i = 0; i < 10; i++)
        {
            aws.Time.Advance(TimeSpan.FromSeconds(15));
            await Elbv2State.For(aws.World).HealthRoundsAsync();
        }

        Assert.All(await manager.ReadLoadBalancerTargetHealthAsync(alb, Ct), t => Assert.Equal(Elbv2Statuses.TargetHealthy, t.State));
        Assert.Empty(await manager.ReadLoadBalancerTargetHealthAsync(alb.Replace("/app/", "/app/gone", StringComparison.Ordinal), Ct));
    }
}
