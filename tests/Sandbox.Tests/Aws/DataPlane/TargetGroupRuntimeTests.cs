using System.Net;
using System.Net.Sockets;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

public sealed class TargetGroupRuntimeTests
{
    [Theory]
    [InlineData(0, "initial", "Elb.RegistrationInProgress")]
    [InlineData(1, "initial", "Elb.InitialHealthChecking")]
    [InlineData(2, "healthy", null)]
    [InlineData(5, "healthy", null)]
    public async Task Healthy_instance_becomes_healthy_after_healthy_threshold_rounds(int rounds, string state, string? reason)
    {
        await using var rig = new DataPlaneRig();
        var server = rig.Instance("i-1", "1.0.0");
        var group = rig.Group("tg", DataPlaneRig.Http(healthy: 2));
        group.Register("i-1", server.Endpoint);
        group.InUse = true;

        for (var i = 0; i < rounds; i++)
        {
            await rig.TickAsync(group);
        }

        var health = Assert.Single(group.Describe());
        Assert.Equal(state, health.State);
        Assert.Equal(reason, health.Reason);
    }

    [Theory]
    [InlineData(1, "healthy")]
    [InlineData(2, "healthy")]
    [InlineData(3, "unhealthy")]
    public async Task Http500_instance_becomes_unhealthy_after_unhealthy_threshold_rounds(int failingRounds, string state)
    {
        await using var rig = new DataPlaneRig();
        var behaviour = InstanceBehavior.Healthy;
        var bad = rig.Instance("i-bad", "1.0.0", () => behaviour);
        var good = rig.Instance("i-good", "1.0.0");
        var group = rig.Group("tg", DataPlaneRig.Http(healthy: 2, unhealthy: 3));
        group.Register(bad.InstanceId, bad.Endpoint);
        group.Register(good.InstanceId, good.Endpoint);
        group.InUse = true;
        await rig.TickAsync(group);
        await rig.TickAsync(group);
        Assert.All(group.Describe(), h => Assert.Equal("healthy", h.State));

        behaviour = InstanceBehavior.Http500;
        for (var i = 0; i < failingRounds; i++)
        {
            await rig.TickAsync(group);
        }

        var health = group.Describe(bad.InstanceId, bad.Endpoint.Port);
        Assert.Equal(state, health.State);
        if (state == "unhealthy")
        {
            Assert.Equal("Target.ResponseCodeMismatch", health.Reason);
            Assert.Equal("Health checks failed with these codes: [500]", health.Description);
        }
    }

    [Fact]
    public async Task Alb_stops_routing_to_an_instance_once_it_is_unhealthy()
    {
        await using var rig = new DataPlaneRig();
        var behaviour = InstanceBehavior.Healthy;
        var bad = rig.Instance("i-bad", "1.0.0", () => behaviour);
        var good = rig.Instance("i-good", "1.0.0");
        var group = rig.Group("tg", DataPlaneRig.Http(healthy: 2, unhealthy: 3));
        group.Register(bad.InstanceId, bad.Endpoint);
        group.Register(good.InstanceId, good.Endpoint);
        group.InUse = true;
        var alb = rig.Own(new AlbProxy("alb", rig.Time) { TargetGroup = group });
        await rig.TickAsync(group);
        await rig.TickAsync(group);
        using var client = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        var before = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            before.Add((await DataPlaneRig.GetAsync(client, alb.Endpoint, ct)).Instance);
        }

        behaviour = InstanceBehavior.Http500;
        for (var i = 0; i < 3; i++)
        {
            await rig.TickAsync(group);
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("i-good", (await DataPlaneRig.GetAsync(client, alb.Endpoint, ct)).Instance);
        }

        Assert.Equal(["i-bad", "i-good"], before.Order());
        Assert.Equal(0, alb.Counters.Status5xx);
    }

    [Fact]
    public async Task Refusing_instance_fails_health_checks_and_the_alb_answers_502_when_it_is_the_only_target()
    {
        await using var rig = new DataPlaneRig();
        var server = rig.Instance("i-1", "1.0.0", () => InstanceBehavior.Refuse);
        var group = rig.Group("tg", DataPlaneRig.Http(healthy: 2, unhealthy: 2));
        group.Register("i-1", server.Endpoint);
        group.InUse = true;
        var alb = rig.Own(new AlbProxy("alb", rig.Time) { TargetGroup = group });
        await rig.TickAsync(group);
        await rig.TickAsync(group);

        var health = Assert.Single(group.Describe());
        Assert.Equal(("unhealthy", "Target.FailedHealthChecks"), (health.State, health.Reason));

        // Fail open: with no healthy target the ALB still tries the unhealthy one, and reports its refusal as 502.
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri($"http://{alb.Endpoint}/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, alb.Counters.Elb5xx);
    }

    [Fact]
    public async Task Alb_without_targets_answers_503()
    {
        await using var rig = new DataPlaneRig();
        var alb = rig.Own(new AlbProxy("alb", rig.Time) { TargetGroup = rig.Group("empty") });
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri($"http://{alb.Endpoint}/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("awselb/2.0", response.Headers.Server.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deregistered_target_drains_for_the_delay_then_is_not_registered()
    {
        await using var rig = new DataPlaneRig();
        var server = rig.Instance("i-1", "1.0.0");
        var group = rig.Group("tg");
        group.Register("i-1", server.Endpoint);
        group.InUse = true;
        await rig.TickAsync(group);
        await rig.TickAsync(group);

        Assert.True(group.Deregister("i-1", TimeSpan.FromSeconds(300)));
        var draining = Assert.Single(group.Describe());
        Assert.Equal(("draining", "Target.DeregistrationInProgress"), (draining.State, draining.Reason));
        Assert.Null(group.PickEndpoint());

        rig.Time.Advance(TimeSpan.FromSeconds(299));
        Assert.True(group.IsRegistered("i-1"));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(group.IsRegistered("i-1"));
        Assert.Equal(("unused", "Target.NotRegistered"), (group.Describe("i-1", 80).State, group.Describe("i-1", 80).Reason));
    }

    [Fact]
    public async Task Targets_of_a_group_no_load_balancer_uses_are_unused_and_not_checked()
    {
        await using var rig = new DataPlaneRig();
        var server = rig.Instance("i-1", "1.0.0");
        var group = rig.Group("tg");
        group.Register("i-1", server.Endpoint);
        await rig.TickAsync(group);
        await rig.TickAsync(group);

        var health = Assert.Single(group.Describe());
        Assert.Equal(("unused", "Target.NotInUse"), (health.State, health.Reason));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Disposed_instance_refuses_connections()
    {
        await using var rig = new DataPlaneRig();
        var server = new InstanceServer("i-1", "1.0.0", time: rig.Time);
        var endpoint = server.Endpoint;
        using var client = new HttpClient();
        Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(client, endpoint, TestContext.Current.CancellationToken)).Version);
        await server.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var error = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(endpoint, TestContext.Current.CancellationToken));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task Slow_instance_times_out_its_health_checks()
    {
        await using var rig = new DataPlaneRig();
        var server = rig.Instance("i-slow", "1.0.0", () => InstanceBehavior.Slow(TimeSpan.FromSeconds(120)));
        var group = rig.Group("tg", DataPlaneRig.Http(healthy: 2, unhealthy: 2));
        group.Register("i-slow", server.Endpoint);
        group.InUse = true;

        for (var i = 0; i < 2; i++)
        {
            // The tick starts a round whose check waits on the instance; the check's 5 s timeout runs on the same clock.
            rig.Time.Advance(DataPlaneRig.Interval);
            var round = group.LastRound;

            // The check's timeout is armed before its request is sent: once the instance holds the request, advancing
            // the clock by the timeout is what ends the check.
            await server.RequestsReceivedAsync(i + 1).WaitAsync(TestContext.Current.CancellationToken);
            Assert.False(round.IsCompleted);
            rig.Time.Advance(TimeSpan.FromSeconds(5));
            await round;
        }

        var health = Assert.Single(group.Describe());
        Assert.Equal(("unhealthy", "Target.Timeout", "Request timed out"), (health.State, health.Reason, health.Description));
    }

    [Fact]
    public async Task Deleting_the_group_mid_round_ends_the_round_quietly()
    {
        await using var rig = new DataPlaneRig();
        var server = rig.Instance("i-slow", "1.0.0", () => InstanceBehavior.Slow(TimeSpan.FromSeconds(120)));
        var group = new TargetGroupRuntime("tg", DataPlaneRig.Http(), rig.Time);
        group.Register("i-slow", server.Endpoint);
        group.InUse = true;
        rig.Time.Advance(DataPlaneRig.Interval);
        var round = group.LastRound;
        await server.RequestsReceivedAsync(1).WaitAsync(TestContext.Current.CancellationToken);

        // Deleted while its check waits on the instance (an environment terminated mid-round): whoever waits for the
        // rounds in flight sees the round end, not a cancellation.
        await group.DisposeAsync();

        await round;
        Assert.True(round.IsCompletedSuccessfully, $"the round ended {round.Status}");
    }
}
