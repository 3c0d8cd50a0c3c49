using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>
/// The zero-downtime property the whole project rests on: a client loop through the NLB port while the listener is
/// switched from blue's alb-type target group to green's sees no failed request, and answers move from 1.0.0 to 1.0.1.
/// </summary>
public sealed class NlbListenerProxyTests
{
    private const int Workers = 4;
    private const int TotalRequests = 600;

    [Theory]
    [InlineData(ClientMode.KeepAlive)]
    [InlineData(ClientMode.NewConnectionPerRequest)]
    [InlineData(ClientMode.ConnectionClose)]
    public async Task Switching_the_listener_from_blue_to_green_fails_no_request(ClientMode mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (blueAlb, blueInstances, blueAlbGroup) = rig.Environment("blue", "1.0.0");
        var (greenAlb, greenInstances, greenAlbGroup) = rig.Environment("green", "1.0.1");
        var nlb = rig.Own(new NlbListenerProxy());
        blueAlbGroup.InUse = true;
        greenAlbGroup.InUse = true;
        nlb.TargetGroup = blueAlbGroup;
        TargetGroupRuntime[] all = [blueInstances, greenInstances, blueAlbGroup, greenAlbGroup];
        await rig.TickAsync(all);
        await rig.TickAsync(all);
        Assert.All(all.SelectMany(g => g.Describe()), h => Assert.Equal("healthy", h.State));

        using var shared = SwitchUnderLoad.Client(mode);
        var run = new SwitchUnderLoad(rig, nlb, greenAlbGroup, mode, Workers, TotalRequests);
        await run.RunAsync(shared, ct);
        var results = run.Results;

        Assert.Empty(run.Failures);
        Assert.Equal(TotalRequests, results.Count);

        // The request that triggered the switch completed before it; everything that did was answered by blue.
        Assert.Contains(results, r => r.Sequence == TotalRequests / 3 && r.CompletedBeforeSwitch);
        Assert.All(results.Where(r => r.CompletedBeforeSwitch), r => Assert.Equal("1.0.0", r.Version));

        // After the retirement point each old connection to blue's ALB answers at most once more (with Connection: close).
        Assert.True(results.Count(r => r.Phase == "retired" && r.Version == "1.0.0") <= blueAlb.AcceptedConnections);
        Assert.Contains(results, r => r.Phase == "retired" && r.Version == "1.0.1");
        if (mode != ClientMode.KeepAlive)
        {
            // New connections after the switch go to green at once: the switch is atomic for new connections.
            Assert.All(results.Where(r => r.Phase != "before"), r => Assert.Equal("1.0.1", r.Version));
        }

        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(shared, nlb.Endpoint, ct)).Version);
        Assert.Equal(0, blueAlb.Counters.Status5xx + greenAlb.Counters.Status5xx);
        Assert.Equal(0, nlb.RejectedConnections);
    }

    [Fact]
    public async Task Kept_alive_connection_opened_before_the_switch_stays_on_blue_until_closed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (_, blueInstances, blueAlbGroup) = rig.Environment("blue", "1.0.0");
        var (_, greenInstances, greenAlbGroup) = rig.Environment("green", "1.0.1");
        var nlb = rig.Own(new NlbListenerProxy());
        blueAlbGroup.InUse = true;
        greenAlbGroup.InUse = true;
        nlb.TargetGroup = blueAlbGroup;
        await rig.TickAsync(blueInstances, greenInstances, blueAlbGroup, greenAlbGroup);
        await rig.TickAsync(blueInstances, greenInstances, blueAlbGroup, greenAlbGroup);

        using var keptAlive = SwitchUnderLoad.Client(ClientMode.KeepAlive);
        Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        nlb.TargetGroup = greenAlbGroup;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        }

        using var fresh = SwitchUnderLoad.Client(ClientMode.NewConnectionPerRequest);
        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(fresh, nlb.Endpoint, ct)).Version);

        rig.Time.Advance(DataPlaneRig.ClientKeepAlive);
        Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
    }

    [Fact]
    public async Task Listener_without_a_reachable_target_resets_new_connections()
    {
        await using var rig = new DataPlaneRig();
        var nlb = rig.Own(new NlbListenerProxy());
        using var client = SwitchUnderLoad.Client(ClientMode.NewConnectionPerRequest);
        // SocketsHttpHandler surfaces a connection reset at connect time as HttpRequestException or SocketException.
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(new Uri($"http://{nlb.Endpoint}/"), TestContext.Current.CancellationToken));
        Assert.Equal(1, nlb.RejectedConnections);
    }
}
