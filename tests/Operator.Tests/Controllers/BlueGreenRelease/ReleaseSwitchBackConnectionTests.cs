using System.Net;
using System.Text.Json;
using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>
/// A switch back moves only new connections; the release then takes green's ALB out of its NLB target group, whose
/// connection termination closes the kept-alive connections still on green when the deregistration delay ends.
/// </summary>
public sealed class ReleaseSwitchBackConnectionTests
{
    [Fact]
    public async Task After_a_failed_bake_a_kept_alive_client_leaves_green_when_its_deregistration_delay_ends()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", r => r.Spec.Strategy.BakeSeconds = 600);
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Baking);
        var greenGroup = await world.TargetGroupAsync(DeploymentColor.Green);
        var delay = TimeSpan.FromSeconds((await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(ReleaseSamples.Frontend)).Spec.DeregistrationDelaySeconds);
        var nlb = Elbv2State.For(world.Sim).Endpoints().Single(e => e.Type == "network").Loopback;
        using var keptAlive = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan });
        var timeline = new List<(DateTimeOffset At, string Answer)>();
        async Task RequestAsync() => timeline.Add((world.Clock.GetUtcNow(), await AnswerAsync(keptAlive, nlb)));

        await RequestAsync();
        Assert.Equal("1.0.2", timeline[^1].Answer);
        world.Sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);
        await world.UntilAsync(r => r.Status?.Phase == ReleasePhase.RolledBack, TimeSpan.FromHours(1), "rolled back", RequestAsync);

        var deregistered = world.Succeeded(Elb, "DeregisterTargets", c => c.Parameter("TargetGroupArn") == greenGroup).Single().Time;
        var switchedBack = world.Succeeded(Elb, "ModifyListener").Last().Time;
        Assert.True(deregistered >= switchedBack, "green leaves its target group only after the listener sends it no new connection");
        await world.UntilAsync(_ => world.Clock.GetUtcNow() >= deregistered + delay + TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), "the delay has passed", RequestAsync);

        Assert.Empty(Elbv2State.For(world.Sim).TargetHealth(greenGroup)!);
        Assert.Contains(timeline, t => t.At >= switchedBack && t.At < deregistered + delay && t.Answer != "1.0.1");
        var after = timeline.Where(t => t.At >= deregistered + delay).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, t => Assert.Equal("1.0.1", t.Answer));
        Assert.Equal(ReleasePhase.RolledBack, (await world.CurrentAsync()).Status!.Phase);
        Assert.Empty(world.Succeeded(Eb, "TerminateEnvironment"));
    }

    private static async Task<string> AnswerAsync(HttpClient client, IPEndPoint nlb)
    {
        try
        {
            using var response = await client.GetAsync(new Uri($"http://{nlb}/"), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement.GetProperty("version").GetString()! : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException)
        {
            return "failed";
        }
    }
}
