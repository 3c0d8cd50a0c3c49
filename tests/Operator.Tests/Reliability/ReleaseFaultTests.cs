using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// A release under AWS faults of the simulator: 10 % of every call answered 5xx still ends Succeeded; a green that never turns healthy ends Aborted. Every run
/// is audited by <see cref="FaultedRelease"/> (one process, nothing duplicated, the right environment terminated once).
/// </summary>
public sealed class ReleaseFaultTests
{
    [Fact]
    public async Task Ten_percent_server_errors_delay_the_release_but_it_ends_succeeded()
    {
        var (release, _) = await new FaultedRelease { Faults = ServerErrors }.RunAsync(ReleasePhase.Succeeded);

        Assert.Equal(DeploymentColor.Green, release.Status!.ActiveColor);
    }

    [Fact]
    public async Task A_green_that_never_turns_healthy_is_aborted()
    {
        await new FaultedRelease { Faults = BrokenGreen }.RunAsync(ReleasePhase.Aborted);
    }

    private static void ServerErrors(SimWorld sim) => sim.Faults.Add(FaultRule.ServerError(null, fraction: 0.1));

    private static void BrokenGreen(SimWorld sim) => sim.Faults.BreakVersion("1.0.2", VersionFaultMode.Http500);
}
