using Amazon.EC2.Model;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Filter = Amazon.EC2.Model.Filter;
using SubnetMapping = Ebops.Operator.Aws.Elbv2.SubnetMapping;
using EbTag = Ebops.Operator.Aws.ElasticBeanstalk.Tag;
using ElbTag = Ebops.Operator.Aws.Elbv2.Tag;

namespace Ebops.EndToEnd.Tests.Aws;

/// <summary>
/// The objects a release touches, end to end with the ebops clients: an EB environment with an ALB, and a static-IP NLB
/// (Elastic IP per subnet) whose TCP listener forwards to an <c>alb</c>-type target group holding that ALB. Instant on
/// the simulator; on a real endpoint it takes many minutes and costs money, so it runs there only with
/// <c>EBOPS_LONG_TESTS=1</c>.
/// </summary>
public sealed class AwsEnvironmentRoundTripTests : IAsyncLifetime
{
    private const string RunTag = "ebops.io/test-run";
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private AwsTarget target = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => target = await AwsTarget.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await target.DisposeAsync();

    [Fact]
    public async Task Environment_behind_a_static_ip_nlb_round_trip()
    {
        if (target.External && Environment.GetEnvironmentVariable("EBOPS_LONG_TESTS") != "1")
        {
            Assert.Skip("Creates a Beanstalk environment and an NLB on a real account: set EBOPS_LONG_TESTS=1 to run it.");
        }

        if (!target.Serves("elasticbeanstalk") || !target.Serves("elasticloadbalancing"))
        {
            Assert.Skip($"The {target.Description} does not serve Elastic Beanstalk and ELBv2 yet.");
        }

        var eb = target.ElasticBeanstalk;
        var elb = target.Elbv2;
        var app = $"ebops-it-{run}";
        var envName = $"ebops-it-{run}-blue";
        var tagsEc2 = new Dictionary<string, string> { [RunTag] = run };
        var allocations = new List<string>();
        string? tgArn = null, lbArn = null, listenerArn = null;
        try
        {
            await eb.CreateApplicationAsync(new() { ApplicationName = app, Tags = [new EbTag { Key = RunTag, Value = run }] }, Ct);
            var platform = await FirstPlatformAsync();
            var created = await eb.CreateEnvironmentAsync(new()
            {
                ApplicationName = app,
                EnvironmentName = envName,
                PlatformArn = platform,
                OptionSettings =
                [
                    new() { Namespace = ElasticBeanstalkStatuses.NamespaceEnvironment, OptionName = "LoadBalancerType", Value = "application" },
                    new() { Namespace = ElasticBeanstalkStatuses.NamespaceAutoScalingGroup, OptionName = "MinSize", Value = "2" },
                ],
                Tags = [new EbTag { Key = RunTag, Value = run }],
            }, Ct);
            Assert.Equal(envName, created.EnvironmentName);

            var ready = await WaitAsync(async () => await eb.FindEnvironmentAsync(app, envName, Ct) is { Status: ElasticBeanstalkStatuses.EnvironmentReady } e ? e : null);
            var resources = await eb.DescribeEnvironmentResourcesAsync(new() { EnvironmentId = ready.EnvironmentId }, Ct);
            var albArn = resources.EnvironmentResources!.LoadBalancers!.Single().Name!;
            var health = await eb.DescribeEnvironmentHealthAsync(new() { EnvironmentName = envName, AttributeNames = [ElasticBeanstalkStatuses.AttributeAll] }, Ct);
            Assert.NotNull(health.Color);

            var vpc = (await target.Ec2.DescribeVpcsAsync(null, null, Ct)).First().VpcId;
            var subnets = (await target.Ec2.DescribeSubnetsAsync(null, [new Filter("vpc-id", [vpc])], Ct)).Take(2).ToList();
            var mappings = new List<SubnetMapping>();
            foreach (var subnet in subnets)
            {
                var (allocationId, _) = await target.Ec2.AllocateAddressAsync(tagsEc2, Ct);
                allocations.Add(allocationId);
                mappings.Add(new() { SubnetId = subnet.SubnetId, AllocationId = allocationId });
            }

            tgArn = (await elb.CreateTargetGroupAsync(new()
            {
                Name = $"ebops-it-{run}-blue",
                Protocol = Elbv2Statuses.ProtocolTcp,
                Port = 80,
                VpcId = vpc,
                TargetType = Elbv2Statuses.TargetTypeAlb,
                Tags = [new ElbTag { Key = RunTag, Value = run }],
            }, Ct)).TargetGroups!.Single().TargetGroupArn!;
            lbArn = (await elb.CreateLoadBalancerAsync(new()
            {
                Name = $"ebops-it-{run}",
                Type = Elbv2Statuses.TypeNetwork,
                Scheme = Elbv2Statuses.SchemeInternetFacing,
                SubnetMappings = mappings,
                Tags = [new ElbTag { Key = RunTag, Value = run }],
            }, Ct)).LoadBalancers!.Single().LoadBalancerArn!;
            listenerArn = (await elb.CreateListenerAsync(new()
            {
                LoadBalancerArn = lbArn,
                Protocol = Elbv2Statuses.ProtocolTcp,
                Port = 80,
                DefaultActions = [new() { Type = Elbv2Statuses.ActionForward, TargetGroupArn = tgArn }],
            }, Ct)).Listeners!.Single().ListenerArn!;
            await elb.RegisterTargetsAsync(new() { TargetGroupArn = tgArn, Targets = [new() { Id = albArn, Port = 80 }] }, Ct);

            var lb = await WaitAsync(async () => await elb.DescribeLoadBalancersAsync(new() { LoadBalancerArns = [lbArn] }, Ct) is { LoadBalancers: [{ State.Code: Elbv2Statuses.LoadBalancerActive } active] } ? active : null);
            Assert.Equal(allocations.Order(), lb.AvailabilityZones!.SelectMany(z => z.LoadBalancerAddresses ?? []).Select(a => a.AllocationId!).Order());
            var listeners = await elb.DescribeListenersAsync(new() { LoadBalancerArn = lbArn }, Ct);
            Assert.Equal(tgArn, listeners.Listeners!.Single().DefaultActions!.Single().TargetGroupArn);
            var targets = await elb.DescribeTargetHealthAsync(new() { TargetGroupArn = tgArn }, Ct);
            Assert.Equal(albArn, targets.TargetHealthDescriptions!.Single().Target!.Id);
        }
        finally
        {
            if (listenerArn is not null)
            {
                await Quietly(() => elb.DeleteListenerAsync(new() { ListenerArn = listenerArn }, Ct));
            }

            if (lbArn is not null)
            {
                await Quietly(() => elb.DeleteLoadBalancerAsync(new() { LoadBalancerArn = lbArn }, Ct));
            }

            if (tgArn is not null)
            {
                // A target group stays "in use" until its load balancer is gone.
                await WaitAsync(async () =>
                {
                    try
                    {
                        await elb.DeleteTargetGroupAsync(new() { TargetGroupArn = tgArn }, Ct);
                        return "deleted";
                    }
                    catch (AwsApiException e) when (e.Kind == AwsErrorKind.Conflict)
                    {
                        return null;
                    }
                });
            }

            foreach (var allocation in allocations)
            {
                await WaitAsync(async () =>
                {
                    try
                    {
                        await target.Ec2.ReleaseAddressAsync(allocation, Ct);
                        return "released";
                    }
                    catch (AwsApiException e) when (e.Kind == AwsErrorKind.Conflict)
                    {
                        return null;
                    }
                });
            }

            await Quietly(() => eb.TerminateEnvironmentAsync(new() { EnvironmentName = envName, ForceTerminate = true }, Ct));
            await Quietly(() => eb.DeleteApplicationAsync(new() { ApplicationName = app, TerminateEnvByForce = true }, Ct));
        }

        Assert.Null(await elb.FindLoadBalancerAsync($"ebops-it-{run}", Ct));
        Assert.Null(await elb.FindTargetGroupAsync($"ebops-it-{run}-blue", Ct));
        Assert.Empty(await target.Ec2.DescribeAddressesAsync(null, [new Filter("tag:" + RunTag, [run])], Ct));
        Assert.Null(await eb.FindApplicationAsync(app, Ct));
    }

    private async Task<string> FirstPlatformAsync()
    {
        await foreach (var platform in target.ElasticBeanstalk.ListPlatformVersionsAllAsync(new(), Ct))
        {
            if (platform.PlatformStatus == "Ready" && platform.PlatformArn is { } arn)
            {
                return arn;
            }
        }

        throw new InvalidOperationException("No platform is available.");
    }

    // Polls a real (or simulated) server until it reports the wanted state; the only place a deadline is used.
    private async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (target.External ? TimeSpan.FromMinutes(20) : TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The server did not reach the expected state in time.");
            await Task.Delay(target.External ? TimeSpan.FromSeconds(15) : TimeSpan.FromMilliseconds(50), Ct);
        }
    }

    private static async Task Quietly(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }
}
