using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

public sealed class ListenerTests
{
    [Fact]
    public async Task Nlb_listener_forwards_through_the_alb_and_ModifyListener_switches_new_connections_to_green()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new Elbv2Rig();
        var (nlb, blueAlb, greenAlb, blueTg, greenTg, listener) = await rig.FrontWithAlbsAsync();

        Assert.Equal([(blueAlb, "healthy", null)], await rig.HealthAsync(blueTg));
        Assert.Equal([(greenAlb, "unused", "Target.NotInUse")], await rig.HealthAsync(greenTg));
        var endpoint = rig.State.FindEndpoint(nlb, 80);
        Assert.NotNull(endpoint);
        var dnsName = rig.State.Endpoints().Single(e => e.LoadBalancerArn == nlb).DnsName;
        Assert.Equal(endpoint, rig.State.FindEndpoint(dnsName, 80));

        using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
        using var keptAlive = new HttpClient();
        Assert.Equal("1.0.0", await VersionAsync(fresh, endpoint, ct));
        Assert.Equal("1.0.0", await VersionAsync(keptAlive, endpoint, ct));

        var modified = await rig.Call.CallAsync("ModifyListener", ("ListenerArn", listener), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", greenTg));
        Assert.Equal(greenTg, rig.Call.Text(modified, "Listeners/member/DefaultActions/member/TargetGroupArn"));

        Assert.Equal("1.0.1", await VersionAsync(fresh, endpoint, ct));
        Assert.Equal("1.0.0", await VersionAsync(keptAlive, endpoint, ct));
        Assert.Equal(endpoint, rig.State.FindEndpoint(nlb, 80));

        // The group the listener left is no longer in use; the one it points at now is checked and turns healthy.
        await rig.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([(blueAlb, "unused", "Target.NotInUse")], await rig.HealthAsync(blueTg));
        Assert.Equal([(greenAlb, "healthy", null)], await rig.HealthAsync(greenTg));
        var groups = await rig.Call.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", nlb));
        Assert.Equal([greenTg], rig.Call.Members(groups, "TargetGroups").Select(g => rig.Call.Text(g, "TargetGroupArn")));
    }

    [Fact]
    public async Task Deleting_resources_in_use_fails_like_aws_and_deleting_a_listener_closes_its_port()
    {
        await using var rig = new Elbv2Rig();
        var (alb, instanceTg) = await rig.AlbStackAsync("blue", "1.0.0");
        var nlb = await rig.CreateNlbAsync("front");
        var albTg = await rig.CreateTargetGroupAsync("front-blue", "alb", "TCP");
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", albTg), ("Targets.member.1.Id", alb));
        var listener = await rig.CreateListenerAsync(nlb, "TCP", albTg);
        var endpoint = rig.State.FindEndpoint(nlb, 80)!;

        Assert.Equal("ResourceInUse", (await rig.Call.FailAsync("DeleteTargetGroup", ("TargetGroupArn", albTg))).Code);
        Assert.Equal("ResourceInUse", (await rig.Call.FailAsync("DeleteTargetGroup", ("TargetGroupArn", instanceTg))).Code);
        Assert.Equal("ResourceInUse", (await rig.Call.FailAsync("DeleteLoadBalancer", ("LoadBalancerArn", alb))).Code);
        Assert.Equal("DuplicateListener", (await rig.Call.FailAsync(
            "CreateListener", ("LoadBalancerArn", nlb), ("Protocol", "TCP_UDP"), ("Port", "80"), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", albTg))).Code);
        Assert.Equal("IncompatibleProtocols", (await rig.Call.FailAsync(
            "CreateListener", ("LoadBalancerArn", nlb), ("Protocol", "TCP"), ("Port", "81"), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", instanceTg))).Code);

        await rig.Call.CallAsync("DeleteListener", ("ListenerArn", listener));
        await rig.Call.CallAsync("DeleteTargetGroup", ("TargetGroupArn", albTg));
        await rig.Call.CallAsync("DeleteLoadBalancer", ("LoadBalancerArn", alb));

        Assert.Equal("ListenerNotFound", (await rig.Call.FailAsync("DescribeListeners", ("ListenerArns.member.1", listener))).Code);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var error = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(endpoint, TestContext.Current.CancellationToken));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    /// <summary>
    /// API reference, CreateListener: "This operation is idempotent ... If you attempt to create multiple listeners with
    /// the same settings, each call succeeds"; DuplicateListener: "A listener with the specified port already exists".
    /// </summary>
    [Fact]
    public async Task CreateListener_with_the_same_settings_returns_the_listener_and_other_settings_on_its_port_are_a_duplicate()
    {
        await using var rig = new Elbv2Rig();
        var (blueAlb, _) = await rig.AlbStackAsync("blue", "1.0.0");
        var (greenAlb, _) = await rig.AlbStackAsync("green", "1.0.1");
        var nlb = await rig.CreateNlbAsync("front");
        var blueTg = await rig.CreateTargetGroupAsync("front-blue", "alb", "TCP");
        var greenTg = await rig.CreateTargetGroupAsync("front-green", "alb", "TCP");
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", blueTg), ("Targets.member.1.Id", blueAlb));
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", greenTg), ("Targets.member.1.Id", greenAlb));
        var listener = await rig.CreateListenerAsync(nlb, "TCP", blueTg);
        var endpoint = rig.State.FindEndpoint(nlb, 80);

        Assert.Equal(listener, await rig.CreateListenerAsync(nlb, "TCP", blueTg));
        var described = await rig.Call.CallAsync("DescribeListeners", ("LoadBalancerArn", nlb));
        Assert.Equal([listener], rig.Call.Members(described, "Listeners").Select(l => rig.Call.Text(l, "ListenerArn")));
        Assert.Equal(endpoint, rig.State.FindEndpoint(nlb, 80));

        var otherGroup = await rig.Call.FailAsync("CreateListener", ("LoadBalancerArn", nlb), ("Protocol", "TCP"), ("Port", "80"), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", greenTg));
        Assert.Equal(("DuplicateListener", 400), (otherGroup.Code, otherGroup.StatusCode));
        var otherProtocol = await rig.Call.FailAsync("CreateListener", ("LoadBalancerArn", nlb), ("Protocol", "TCP_UDP"), ("Port", "80"), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", blueTg));
        Assert.Equal("DuplicateListener", otherProtocol.Code);
        var groups = await rig.Call.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", nlb));
        Assert.Equal([blueTg], rig.Call.Members(groups, "TargetGroups").Select(g => rig.Call.Text(g, "TargetGroupArn")));
    }

    [Fact]
    public async Task DescribeListeners_reports_the_forward_config_and_requires_a_filter()
    {
        await using var rig = new Elbv2Rig();
        var (alb, group) = await rig.AlbStackAsync("blue", "1.0.0");
        var result = await rig.Call.CallAsync("DescribeListeners", ("LoadBalancerArn", alb));
        var listener = Assert.Single(rig.Call.Members(result, "Listeners"));
        Assert.Equal(("HTTP", "80", "forward", group), (rig.Call.Text(listener, "Protocol"), rig.Call.Text(listener, "Port"), rig.Call.Text(listener, "DefaultActions/member/Type"), rig.Call.Text(listener, "DefaultActions/member/ForwardConfig/TargetGroups/member/TargetGroupArn")));
        Assert.Equal("ValidationError", (await rig.Call.FailAsync("DescribeListeners")).Code);
        Assert.Equal("LoadBalancerNotFound", (await rig.Call.FailAsync("DescribeListeners", ("LoadBalancerArn", alb + "0"))).Code);
    }

    [Fact]
    public async Task Alb_listener_serves_instances_and_alb_counts_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new Elbv2Rig();
        var (alb, _) = await rig.AlbStackAsync("blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(20));
        using var client = new HttpClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("1.0.0", await VersionAsync(client, rig.State.FindEndpoint(alb, 80)!, ct));
        }

        Assert.Equal(5, rig.State.AlbCounters(alb, 80)!.Status2xx);
    }

    private static async Task<string> VersionAsync(HttpClient client, IPEndPoint endpoint, CancellationToken ct)
    {
        var body = await client.GetStringAsync(new Uri($"http://{endpoint}/"), ct);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("version").GetString()!;
    }
}
