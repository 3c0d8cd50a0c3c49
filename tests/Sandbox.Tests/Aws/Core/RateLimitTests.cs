using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Core;

/// <summary>
/// AWS's documented request limits (<see cref="AwsRateLimits.Default"/>) as token buckets on simulated time: a burst up
/// to the bucket's size, then its refill rate per simulated second, per action (EC2) or shared (ELBv2's account and
/// category buckets, RDS's account bucket).
/// </summary>
public sealed class RateLimitTests
{
    private static Task<SimHost> StartAsync(double scale = 1) =>
        SimHost.StartAsync(o => o.RateLimits = [.. AwsRateLimits.Default], new SimTiming(scale));

    private static async Task<List<int>> CallAsync(SimHost host, int times, string service, string action, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var statuses = new List<int>();
        for (var i = 0; i < times; i++)
        {
            statuses.Add((await host.QueryAsync(service, action, parameters)).Status);
        }

        return statuses;
    }

    [Fact]
    public async Task Elbv2_describes_burst_to_40_then_refill_10_per_simulated_second()
    {
        await using var host = await StartAsync(scale: 0.5);
        Assert.All(await CallAsync(host, 40, "elasticloadbalancing", "DescribeLoadBalancers"), s => Assert.Equal(200, s));
        var throttled = await host.QueryAsync("elasticloadbalancing", "DescribeLoadBalancers");
        Assert.Equal((400, "Throttling"), (throttled.Status, throttled.ErrorCode));

        // Half a real second is one simulated second at scale 0.5: ten tokens.
        host.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.All(await CallAsync(host, 10, "elasticloadbalancing", "DescribeTargetGroups"), s => Assert.Equal(200, s));
        Assert.Equal(400, (await host.QueryAsync("elasticloadbalancing", "DescribeListeners")).Status);
        var calls = host.World.Calls.Find("elasticloadbalancing");
        Assert.Equal(2, calls.Count(c => c.Outcome == "Throttling"));
        Assert.All(calls.Where(c => !c.Succeeded), c => Assert.False(c.Injected));
        Assert.Equal(2, host.World.RateLimits.Throttled["elasticloadbalancing/account"]);
    }

    [Fact]
    public async Task Elbv2_create_load_balancer_has_its_own_slow_bucket_and_counts_against_the_account()
    {
        await using var host = await StartAsync();
        // Invalid requests count too: the limit applies before the service reads the request.
        for (var i = 0; i < 10; i++)
        {
            var refused = await host.QueryAsync("elasticloadbalancing", "CreateLoadBalancer");
            Assert.Equal(400, refused.Status);
            Assert.NotEqual("Throttling", refused.ErrorCode);
        }

        Assert.Equal("Throttling", (await host.QueryAsync("elasticloadbalancing", "CreateLoadBalancer")).ErrorCode);

        // The account bucket (40) paid for the 10 admitted creates: 30 describes are left.
        Assert.Equal([.. Enumerable.Repeat(200, 30), 400], await CallAsync(host, 31, "elasticloadbalancing", "DescribeLoadBalancers"));

        // 0.2 per second: no create after 4 s, one after 5 s.
        host.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("Throttling", (await host.QueryAsync("elasticloadbalancing", "CreateLoadBalancer")).ErrorCode);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual("Throttling", (await host.QueryAsync("elasticloadbalancing", "CreateLoadBalancer")).ErrorCode);
        Assert.Equal("Throttling", (await host.QueryAsync("elasticloadbalancing", "CreateLoadBalancer")).ErrorCode);
    }

    [Fact]
    public async Task Ec2_throttles_each_action_separately_and_unfiltered_security_group_describes_harder()
    {
        await using var host = await StartAsync();
        Assert.All(await CallAsync(host, 50, "ec2", "DescribeSecurityGroups"), s => Assert.Equal(200, s));
        var throttled = await host.QueryAsync("ec2", "DescribeSecurityGroups");
        Assert.Equal((503, "RequestLimitExceeded"), (throttled.Status, throttled.ErrorCode));

        // A filtered describe uses the larger non-mutating bucket, and other actions have buckets of their own.
        var filtered = new Dictionary<string, string> { ["Filter.1.Name"] = "vpc-id", ["Filter.1.Value.1"] = SandboxNetwork.VpcId };
        Assert.Equal(200, (await host.QueryAsync("ec2", "DescribeSecurityGroups", filtered)).Status);
        Assert.All(await CallAsync(host, 100, "ec2", "DescribeVpcs"), s => Assert.Equal(200, s));
        Assert.Equal(503, (await host.QueryAsync("ec2", "DescribeVpcs")).Status);

        // Unfiltered describes refill at 10 per second.
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await CallAsync(host, 11, "ec2", "DescribeSecurityGroups");
        Assert.Equal([.. Enumerable.Repeat(200, 10), 503], after);
    }

    [Fact]
    public async Task Rds_shares_one_account_bucket_of_300_refilling_12_per_second()
    {
        await using var host = await StartAsync();
        var burst = new List<int>();
        burst.AddRange(await CallAsync(host, 150, "rds", "DescribeDBInstances"));
        burst.AddRange(await CallAsync(host, 150, "rds", "DescribeDBParameterGroups"));
        Assert.All(burst, s => Assert.Equal(200, s));
        Assert.Equal("Throttling", (await host.QueryAsync("rds", "DescribeDBSubnetGroups")).ErrorCode);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([.. Enumerable.Repeat(200, 12), 400], await CallAsync(host, 13, "rds", "DescribeDBInstances"));
    }

    [Fact]
    public async Task Limits_are_off_unless_configured_and_at_time_scale_zero()
    {
        await using (var host = await SimHost.StartAsync(timing: new SimTiming(1)))
        {
            Assert.All(await CallAsync(host, 60, "elasticloadbalancing", "DescribeLoadBalancers"), s => Assert.Equal(200, s));
            Assert.False(host.World.RateLimits.Enabled);
        }

        await using (var instant = await SimHost.StartAsync(o => o.RateLimits = [.. AwsRateLimits.Default], SimTiming.Instant))
        {
            Assert.All(await CallAsync(instant, 60, "elasticloadbalancing", "DescribeLoadBalancers"), s => Assert.Equal(200, s));
            Assert.False(instant.World.RateLimits.Enabled);
        }
    }

    [Fact]
    public async Task State_dump_shows_each_bucket_with_its_throttled_calls()
    {
        await using var host = await StartAsync();
        await CallAsync(host, 41, "elasticloadbalancing", "DescribeLoadBalancers");
        var state = host.World.DumpState()["rateLimits"]!;
        Assert.True(state["enabled"]!.GetValue<bool>());
        var account = state["rules"]!.AsArray().Single(r => r!["service"]!.GetValue<string>() == "elasticloadbalancing" && r["bucket"]!.GetValue<string>() == "account")!;
        Assert.Equal(1, account["throttled"]!.GetValue<long>());
        Assert.Equal(0, account["tokens"]!["*"]!.GetValue<double>());
    }
}
