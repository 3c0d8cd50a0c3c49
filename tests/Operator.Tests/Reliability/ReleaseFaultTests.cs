using Ebops.Operator.Controllers;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.ElasticBeanstalk;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// A release under each AWS fault of the simulator alone, and combined. Every run is audited by
/// <see cref="FaultedRelease"/> (the expected terminal phase, one process, nothing duplicated, the right environment
/// terminated once, no AWS retry reason left at the end). API faults hit every service's calls from the moment 1.0.2 is
/// set; a timed outage starts when green is being verified. <c>EBOPS_LONG_TESTS=1</c> runs the random profiles with
/// more seeds and a longer outage.
/// </summary>
public sealed class ReleaseFaultTests
{
    public static TheoryData<int> Seeds => LongTests.Enabled ? new TheoryData<int>(1, 2, 3, 4, 5) : new TheoryData<int>(1);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Ten_percent_server_errors_delay_the_release_but_it_ends_succeeded(int seed)
    {
        var (release, _) = await new FaultedRelease { Seed = seed, Faults = ServerErrors }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Thirty_percent_throttling_slows_the_release_but_it_ends_succeeded(int seed)
    {
        var (release, retries) = await new FaultedRelease { Seed = seed, Faults = Throttling }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
        Assert.Contains(AwsRetryReasons.Throttled, retries.Reasons);
    }

    [Fact]
    public async Task Two_seconds_of_latency_on_every_call_delay_the_release_but_it_ends_succeeded()
    {
        var (release, _) = await new FaultedRelease { Faults = Latency }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
    }

    [Fact]
    public async Task Five_seconds_of_eventual_consistency_create_nothing_twice_and_the_release_ends_succeeded()
    {
        var (release, _) = await new FaultedRelease { Faults = EventualConsistency }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
    }

    [Fact]
    public async Task A_green_that_never_turns_healthy_is_aborted()
    {
        await new FaultedRelease { Faults = BrokenGreen }.RunAsync(ReleasePhase.Aborted);
    }

    [Fact]
    public async Task An_instance_of_green_failing_during_the_bake_switches_back_to_blue()
    {
        var (release, _) = await new FaultedRelease { During = (ReleasePhase.Baking, FailGreenInstanceAsync) }.RunAsync(ReleasePhase.RolledBack);

        Assert.Equal(DeploymentColor.Blue, release.Status!.ActiveColor);
    }

    [Fact]
    public async Task Blues_instances_failing_while_green_is_verified_do_not_stop_the_release()
    {
        var (release, _) = await new FaultedRelease { During = (ReleasePhase.Verifying, FailBlueAsync) }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
    }

    [Fact]
    public async Task Every_fault_at_once_still_ends_succeeded()
    {
        var (release, _) = await new FaultedRelease
        {
            // The progress deadline (1800 s) covers the outage too: with every other fault on, the time the release
            // needs after AWS is back varies from run to run (the retry quota the outage drained, the runtime's
            // backoff), and a 600 s outage (EBOPS_LONG_TESTS=1) sometimes left too little of it.
            Change = r => r.Spec.Strategy.ProgressDeadlineSeconds += (int)OutageLength.TotalSeconds,
            Faults = sim =>
            {
                Throttling(sim);
                ServerErrors(sim);
                Latency(sim);
                EventualConsistency(sim);
            },
            During = (ReleasePhase.Verifying, async world =>
            {
                _ = Outage(world);
                await FailBlueAsync(world);
            }),
        }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
    }

    [Fact]
    public async Task An_outage_shows_in_the_conditions_while_it_lasts_and_the_release_recovers_without_a_restart()
    {
        DateTimeOffset? until = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await new FaultedRelease
        {
            During = (ReleasePhase.Verifying, world =>
            {
                until = Outage(world);
                return Task.CompletedTask;
            }),
            EachStep = async world =>
            {
                if (until is { } end && world.Clock.GetUtcNow() < end)
                {
                    ICustomResource[] objects = [await world.CurrentAsync(), await world.GetAsync<BeanstalkApp>(ReleaseSamples.App)];
                    foreach (var entity in objects)
                    {
                        if (Conditions.Find(entity.StatusBase, ConditionTypes.Reconciling) is { Status: ConditionStatus.True, Reason: AwsRetryReasons.Unavailable } reconciling)
                        {
                            seen.Add($"{entity.Kind}: {reconciling.Message}");
                        }
                    }
                }
            },
        }.RunAsync(ReleasePhase.Succeeded);

        // While AWS is down the objects say so, naming the call; the audit saw the reason gone once it was back.
        Assert.NotEmpty(seen);
        Assert.All(seen, message => Assert.Matches(@"^\w+: \w+ \w+: ServiceUnavailable \(HTTP 503\); retrying with backoff$", message));
    }

    /// <summary>How long the timed outage lasts.</summary>
    internal static TimeSpan OutageLength => TimeSpan.FromSeconds(LongTests.Enabled ? 600 : 60);

    /// <summary>Every AWS call fails with 503 from now for <see cref="OutageLength"/>; returns when it ends.</summary>
    internal static DateTimeOffset Outage(ReleaseWorld world)
    {
        var now = world.Clock.GetUtcNow();
        world.Sim.Faults.Add(FaultRule.Outage(null, now, now + OutageLength));
        return now + OutageLength;
    }

    private static void ServerErrors(SimWorld sim) => sim.Faults.Add(FaultRule.ServerError(null, fraction: 0.1));

    private static void Throttling(SimWorld sim) => sim.Faults.Add(FaultRule.Throttle(null, fraction: 0.3));

    private static void Latency(SimWorld sim) => sim.Faults.Add(FaultRule.Delay(null, TimeSpan.FromSeconds(2)));

    private static void EventualConsistency(SimWorld sim)
    {
        foreach (var service in new[] { Eb, "ec2", "s3", "rds" })
        {
            sim.Faults.SetConsistencyWindow(service, TimeSpan.FromSeconds(5));
        }
    }

    private static void BrokenGreen(SimWorld sim) => sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);

    private static async Task FailGreenInstanceAsync(ReleaseWorld world) =>
        world.Sim.Faults.FailInstance(await world.EnvironmentIdAsync(DeploymentColor.Green));

    private static async Task FailBlueAsync(ReleaseWorld world)
    {
        var blue = await world.EnvironmentIdAsync(DeploymentColor.Blue);
        foreach (var instance in ElasticBeanstalkState.For(world.Sim).InstanceIds(blue))
        {
            world.Sim.Faults.FailInstance(blue, instance);
        }
    }
}
