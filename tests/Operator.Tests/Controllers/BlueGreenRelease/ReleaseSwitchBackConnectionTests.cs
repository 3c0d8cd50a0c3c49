using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Load;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>
/// Kept-alive connections through the NLB under load (half of the load's clients on one kept-alive connection each, a
/// burst from every client after each step of the simulation). A listener change moves only new connections: after a
/// switch-back the release turns connection termination on in green's target group and deregisters green's ALB, so the
/// NLB closes the connections still open to green when the deregistration delay ends and those clients reconnect to
/// blue; when a successful release retires blue, termination stays off and blue's connections drain.
/// </summary>
public sealed class ReleaseSwitchBackConnectionTests
{
    private static readonly LoadOptions Load = new() { Clients = 8, KeepAliveFraction = 0.5 };

    [Theory]
    [InlineData(30)]
    [InlineData(0)]
    public async Task A_bake_failure_under_load_leaves_no_failed_request_once_green_s_connections_are_closed(int delaySeconds)
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", r => r.Spec.Strategy.BakeSeconds = 600, changeFrontend: f => f.Spec.DeregistrationDelaySeconds = delaySeconds);
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Baking);
        var (blueGroup, greenGroup) = (await world.TargetGroupAsync(DeploymentColor.Blue), await world.TargetGroupAsync(DeploymentColor.Green));
        var origin = world.Clock.GetUtcNow();
        await using var load = new LoadGenerator(LoadTarget.Endpoint(NlbEndpoint(world)), Load, world.Clock);
        async Task BurstAsync()
        {
            // After all the operator and AWS do at this instant: a request then sees where that left the traffic.
            await world.SettleAsync();
            await load.BurstAsync(1, TestContext.Current.CancellationToken);
        }

        // Every client, kept-alive ones included, connects while the listener sends new connections to green.
        await BurstAsync();
        Assert.All(load.Timeline.Samples(), s => Assert.Equal("1.0.2", s.Version));
        world.Sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);
        await world.UntilAsync(r => r.Status?.Phase == ReleasePhase.RolledBack, TimeSpan.FromHours(1), "rolled back", BurstAsync);

        var switchedBack = world.Succeeded(Elb, "ModifyListener").Last().Time;
        var deregistered = world.Succeeded(Elb, "DeregisterTargets", c => c.Parameter("TargetGroupArn") == greenGroup).Single().Time;
        var closed = deregistered + TimeSpan.FromSeconds(delaySeconds);
        await world.UntilAsync(_ => world.Clock.GetUtcNow() >= closed + TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), "two minutes after", BurstAsync);

        Assert.True(deregistered >= switchedBack, "green leaves its target group only once the listener sends it no new connection");
        var termination = world.Succeeded(Elb, "ModifyTargetGroupAttributes", c => c.Parameter("Attributes.member.1.Key") == Elbv2Statuses.AttributeConnectionTermination);
        var onGreen = Assert.Single(termination, c => c.Parameter("TargetGroupArn") == greenGroup);
        Assert.Equal(("true", true), (onGreen.Parameter("Attributes.member.1.Value"), onGreen.Time <= deregistered));
        Assert.DoesNotContain(termination, c => c.Parameter("TargetGroupArn") == blueGroup);

        var samples = load.Timeline.Samples();
        Assert.Contains(samples, s => s.Failed && origin + s.At < switchedBack);
        var after = samples.Where(s => origin + s.At >= closed).ToList();
        Assert.Contains(after, s => !s.NewConnection);
        Assert.All(after, s => Assert.Equal((LoadFailure.None, "1.0.1"), (s.Failure, s.Version)));
        if (delaySeconds == 0)
        {
            // Nothing drains: once the listener is back on blue no request fails (the bursts leave none in flight).
            Assert.DoesNotContain(samples, s => s.Failed && origin + s.At >= switchedBack);
        }

        // Green itself is kept for its retention: without connection termination its clients would still reach it.
        Assert.Empty(world.Succeeded(Eb, "TerminateEnvironment"));
        Assert.Equal(ReleasePhase.RolledBack, (await world.CurrentAsync()).Status!.Phase);
    }

    [Fact]
    public async Task A_successful_release_under_load_lets_blue_s_kept_alive_connections_drain_and_fails_no_request()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        var blueGroup = await world.TargetGroupAsync(DeploymentColor.Blue);
        var delay = TimeSpan.FromSeconds((await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(ReleaseSamples.Frontend)).Spec.DeregistrationDelaySeconds);
        var origin = world.Clock.GetUtcNow();
        await using var load = new LoadGenerator(LoadTarget.Endpoint(NlbEndpoint(world)), Load, world.Clock);
        async Task BurstAsync()
        {
            // After all the operator and AWS do at this instant: a request then sees where that left the traffic.
            await world.SettleAsync();
            await load.BurstAsync(1, TestContext.Current.CancellationToken);
        }

        await BurstAsync();
        await world.SetVersionAsync("1.0.2");
        await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 released", BurstAsync);
        await BurstAsync();

        var deregistered = world.Succeeded(Elb, "DeregisterTargets", c => c.Parameter("TargetGroupArn") == blueGroup).Single();
        var terminated = world.Succeeded(Eb, "TerminateEnvironment").Single().Time;
        var onBlue = Assert.Single(world.Succeeded(Elb, "ModifyTargetGroupAttributes", c => c.Parameter("TargetGroupArn") == blueGroup
            && c.Parameter("Attributes.member.1.Key") == Elbv2Statuses.AttributeConnectionTermination));
        Assert.Equal(("false", true), (onBlue.Parameter("Attributes.member.1.Value"), onBlue.Time <= deregistered.Time));

        var samples = load.Timeline.Samples();
        Assert.DoesNotContain(samples, s => s.Failed);
        Assert.Contains(samples, s => s.Version == "1.0.2");

        // Blue's kept-alive clients stay on blue after its deregistration delay ended, until blue is gone.
        var drainingOnBlue = samples.Where(s => !s.NewConnection && origin + s.At > deregistered.Time + delay && origin + s.At < terminated).ToList();
        Assert.NotEmpty(drainingOnBlue);
        Assert.All(drainingOnBlue, s => Assert.Equal("1.0.1", s.Version));
    }

    private static System.Net.IPEndPoint NlbEndpoint(ReleaseWorld world) =>
        Elbv2State.For(world.Sim).Endpoints().Single(e => e.Type == "network").Loopback;
}
