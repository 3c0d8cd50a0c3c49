using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Without an NlbFrontend: the cut-over swaps the environments' CNAMEs and blue stays for the DNS TTL.</summary>
public sealed class ReleaseCnameSwapTests
{
    [Fact]
    public async Task A_release_without_a_frontend_swaps_cnames_and_keeps_blue_for_the_dns_drain_time()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", frontend: false);
        var production = (await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App)).Status!.Environments!.Single(e => e.Color == DeploymentColor.Blue).Cname;

        await world.SetVersionAsync("1.0.2");
        var baking = await world.UntilPhaseAsync(ReleasePhase.Baking);
        var swappedAt = baking.Status!.Traffic!.SwitchedAt!.Value;
        var done = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 is released");

        Assert.Single(world.Succeeded(Eb, "SwapEnvironmentCNAMEs"));
        Assert.Empty(world.Sim.Calls.Find(Elb));
        Assert.Equal(production, done.Status!.Traffic!.ProductionCname);
        var terminated = Assert.Single(world.Succeeded(Eb, "TerminateEnvironment")).Time;
        Assert.True(terminated - swappedAt >= TimeSpan.FromSeconds(360), "blue was kept at least cnameDrainSeconds after the swap");
        var app = await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App);
        var green = app.Status!.Environments!.Single(e => e.Color == DeploymentColor.Green);
        Assert.Equal((production, "1.0.2", true), (green.Cname, green.VersionLabel, green.Active));
    }
}
