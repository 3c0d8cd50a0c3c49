using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>A release starts only once what it needs is Ready: waiting for it does not spend its progress deadline.</summary>
public sealed class ReleaseDependencyTests
{
    [Fact]
    public async Task A_first_release_waits_for_its_frontend_without_running_out_its_progress_deadline()
    {
        await using var world = await ReleaseWorld.StartAsync();
        world.PutBundle("1.0.1");
        await world.CreateAsync(ReleaseSamples.BeanstalkApp());
        var release = ReleaseSamples.BlueGreenRelease("1.0.1", frontend: true);
        release.Spec.Strategy.ProgressDeadlineSeconds = 600;
        await world.CreateAsync(release);

        // The frontend comes an hour later (a fleet created at once waits for CreateLoadBalancer's account rate).
        var before = world.Succeeded(Eb, "DescribeEnvironments").Count;
        await world.RunForAsync(TimeSpan.FromHours(1));
        var waiting = await world.CurrentAsync();

        // Waiting reads no AWS live: the environments come from the steady snapshot (one load per 5-minute poll), not a
        // describe every 30-second requeue.
        Assert.InRange(world.Succeeded(Eb, "DescribeEnvironments").Count - before, 1, 30);
        Assert.Null(waiting.Status?.Phase);
        Assert.Equal("1.0.1 starts once NlbFrontend myapp-frontend (spec.frontendRef) exists and is Ready", waiting.Status?.Message);
        Assert.Empty(world.Succeeded(Eb, "CreateEnvironment"));
        Assert.Empty(world.Succeeded(Eb, "CreateApplicationVersion"));

        await world.CreateAsync(ReleaseSamples.NlbFrontend());
        var done = await world.UntilAsync(r => IsReady(r, "1.0.1"), TimeSpan.FromHours(1), "1.0.1 is released once the frontend is Ready");

        Assert.Equal(ReleasePhase.Succeeded, done.Status!.Phase);
        Assert.Single(world.Succeeded(Eb, "CreateEnvironment"));

        // The version is looked up until green runs it, not on every pass while green launches.
        Assert.InRange(world.Succeeded(Eb, "DescribeApplicationVersions").Count, 1, 3);
    }
}
