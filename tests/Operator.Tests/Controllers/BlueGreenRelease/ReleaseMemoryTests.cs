using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Microsoft.Extensions.DependencyInjection;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>
/// Each release creates a new environment and terminates the old one: what the operator remembers per environment
/// (its tags, its load balancer) is kept for the environments that exist, not for every release ever made.
/// </summary>
public sealed class ReleaseMemoryTests
{
    [Fact]
    public async Task After_several_releases_only_the_environments_that_exist_are_remembered()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        foreach (var version in new[] { "1.0.2", "1.0.3", "1.0.4" })
        {
            await world.SetVersionAsync(version);
            await world.UntilAsync(r => IsReady(r, version) && r.Status!.Phase == ReleasePhase.Succeeded && r.Status.PendingTermination is null,
                TimeSpan.FromHours(2), $"release {version} Succeeded and blue terminated");
        }

        // A cached read after the terminations have settled, as a pass between releases makes.
        await world.RunForAsync(TimeSpan.FromMinutes(30));
        var services = world.Operator.App.Services;
        var environments = services.GetRequiredService<EnvironmentManager>();
        var created = world.Sim.Calls.Find(Eb, "CreateEnvironment").Where(c => c.Succeeded).ToList();
        var live = await environments.ReadAllAsync(created[0].Parameter("ApplicationName")!, ReadMode.Live, TestContext.Current.CancellationToken);

        Assert.Equal(4, created.Count);
        Assert.InRange(live.Count, 1, 2);
        Assert.InRange(services.GetRequiredService<EnvironmentTagCache>().Count, 1, live.Count);
        Assert.InRange(environments.RememberedLoadBalancers, 1, live.Count);
    }
}
