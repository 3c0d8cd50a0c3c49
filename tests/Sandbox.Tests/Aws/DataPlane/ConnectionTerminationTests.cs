using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>
/// The data plane of <c>deregistration_delay.connection_termination.enabled</c>: a kept-alive connection through the
/// NLB to a target that is deregistered stays open while the target drains, and is closed when the deregistration
/// delay ends (so the client reconnects and follows the listener); with the attribute off it stays open.
/// </summary>
public sealed class ConnectionTerminationTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(true, "1.0.0")]
    [InlineData(false, "1.0.1")]
    public async Task Kept_alive_connection_to_a_deregistered_target_is_closed_when_the_delay_ends(bool terminate, string afterDelay)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (_, blueInstances, blueAlbGroup) = rig.Environment("blue", "1.0.0");
        var (greenAlb, greenInstances, greenAlbGroup) = rig.Environment("green", "1.0.1");
        var nlb = rig.Own(new NlbListenerProxy());
        blueAlbGroup.InUse = true;
        greenAlbGroup.InUse = true;
        greenAlbGroup.TerminateConnectionsOnDeregistration = terminate;
        nlb.TargetGroup = greenAlbGroup;
        await rig.TickAsync(blueInstances, greenInstances, blueAlbGroup, greenAlbGroup);
        await rig.TickAsync(blueInstances, greenInstances, blueAlbGroup, greenAlbGroup);

        using var keptAlive = SwitchUnderLoad.Client(ClientMode.KeepAlive);
        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        nlb.TargetGroup = blueAlbGroup;
        Assert.True(greenAlbGroup.Deregister(greenAlbGroup.TargetIds().Single(), Delay));
        Assert.Equal(1, greenAlbGroup.Connections.Count);

        rig.Time.Advance(Delay - TimeSpan.FromSeconds(1));
        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);

        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(greenAlbGroup.TargetIds());
        Assert.Equal(terminate ? 0 : 1, greenAlbGroup.Connections.Count);
        Assert.Equal(afterDelay, (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        Assert.Equal(0, greenAlb.Counters.Status5xx);
    }
}
