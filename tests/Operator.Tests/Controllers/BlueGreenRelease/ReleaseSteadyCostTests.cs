using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>
/// What an application left alone costs in AWS calls: between releases every object reads from the shared snapshots,
/// so no call names one application's object (no target health, no version look-up, no per-application describe).
/// </summary>
public sealed class ReleaseSteadyCostTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>Calls that read one object of one application; snapshot loads name none.</summary>
    private static readonly (string Service, string Action)[] PerObject =
    [
        (Elb, "DescribeTargetHealth"),
        (Eb, "DescribeApplicationVersions"),
        (Eb, "DescribeEnvironmentHealth"),
        (Eb, "DescribeEnvironmentResources"),
        (Eb, "ListTagsForResource"),
    ];

    [Fact]
    public async Task A_converged_application_left_alone_makes_no_call_about_one_of_its_objects()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.UntilAsync(r => r.Status?.Phase == ReleasePhase.Succeeded && r.Status.ExtraCapacity is null, TimeSpan.FromHours(2), "the first release Succeeded");

        var calls = await CallsInWindowAsync(world);

        Assert.Empty(calls.Where(c => PerObject.Contains((c.Service, c.Action))).Select(c => c.Action));
        Assert.Empty(calls.Where(c => c.Action == "DescribeEnvironments" && c.Parameter("ApplicationName") is not null).Select(c => c.Action));
        // One snapshot load per type and poll interval at most (six intervals in the window, and one the window opens in);
        // DescribeTags is part of three loads (target groups, listeners, load balancers).
        Assert.All(calls.GroupBy(SnapshotOf), g => Assert.True(g.Count() <= 7, $"{g.Key}: {g.Count()} calls in {Window}"));
    }

    [Fact]
    public async Task A_release_at_rest_after_an_abort_reads_from_the_snapshots_until_a_retry_or_a_new_version()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        world.Sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);
        await world.SetVersionAsync("1.0.2");
        await world.UntilAsync(r => r.Status?.Phase == ReleasePhase.Aborted && r.Status.PendingTermination is null, TimeSpan.FromHours(2),
            "aborted, and green removed");

        var calls = await CallsInWindowAsync(world);

        Assert.Empty(calls.Where(c => PerObject.Contains((c.Service, c.Action))).Select(c => c.Action));
        Assert.Empty(calls.Where(c => c.Action == "DescribeEnvironments" && c.Parameter("ApplicationName") is not null).Select(c => c.Action));
        Assert.Equal(ReleasePhase.Aborted, (await world.CurrentAsync()).Status!.Phase);
    }

    private static string SnapshotOf(SimCall call) =>
        call.Action == "DescribeTags" && call.Parameter("ResourceArns.member.1") is { } arn ? $"DescribeTags {arn.Split(':')[5].Split('/')[0]}" : call.Action;

    /// <summary>Every AWS call made while the world runs for <see cref="Window"/> from now.</summary>
    private static async Task<IReadOnlyList<SimCall>> CallsInWindowAsync(ReleaseWorld world)
    {
        await world.SettleAsync();
        var from = world.Sim.Calls.All.Count;
        await world.RunForAsync(Window);
        return [.. world.Sim.Calls.All.Skip(from)];
    }
}
