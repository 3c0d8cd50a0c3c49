using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;
using Bgr = Ebops.Operator.Entities.BlueGreenRelease;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// One release (1.0.1 → 1.0.2 behind the NLB, in a <see cref="ReleaseWorld"/>) run under AWS faults until it ends, and
/// the audit every fault test shares: the expected terminal phase, one operator process throughout (it recovered
/// without a restart), green created once, exactly one environment terminated (blue on success, green otherwise), no
/// two identical successful creates, and no object left Reconciling on an AWS retry at the end.
/// </summary>
internal sealed class FaultedRelease
{
    private static readonly ReleasePhase[] Ends = [ReleasePhase.Succeeded, ReleasePhase.Aborted, ReleasePhase.RolledBack, ReleasePhase.Failed];

    /// <summary>Faults applied once the first release is Ready, before 1.0.2 is set.</summary>
    public Action<SimWorld>? Faults { get; init; }

    /// <summary>A fault applied once, at the first step where the release of 1.0.2 is in <see cref="During"/>'s phase.</summary>
    public (ReleasePhase Phase, Func<ReleaseWorld, Task> Fault)? During { get; init; }

    /// <summary>Operator settings: AWS calls retried as shipped (4 attempts, backoff on the world's clock).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?> { ["Aws:MaxAttempts"] = "4" };

    /// <summary>A change to the release before it is created (e.g. a longer progress deadline).</summary>
    public Action<Bgr>? Change { get; init; }

    /// <summary>The simulator's seed (its fault draws).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Each step's check of the world while the release runs (e.g. what the conditions say during an outage).</summary>
    public Func<ReleaseWorld, Task>? EachStep { get; init; }

    public async Task<(Bgr Release, RetryReasonLog Retries)> RunAsync(ReleasePhase expected)
    {
        await using var world = await ReleaseWorld.StartAsync(Settings, options => options.Seed = Seed);
        await world.SetUpAsync("1.0.1", Change);
        var blueId = await world.EnvironmentIdAsync(DeploymentColor.Blue);
        var retries = new RetryReasonLog(world);
        var since = world.Sim.Calls.All[^1].Sequence;
        Faults?.Invoke(world.Sim);

        await world.SetVersionAsync("1.0.2");
        var applied = During is null;
        var end = await world.UntilAsync(r => r.Status?.Phase is { } phase && Ends.Contains(phase) && r.Status.History?.FirstOrDefault()?.Version == "1.0.2"
            && r.Status.PendingTermination is null,
            TimeSpan.FromHours(4), $"the release ends ({expected} expected)", async () =>
            {
                if (!applied && (await world.CurrentAsync()).Status?.Phase == During!.Value.Phase)
                {
                    applied = true;
                    await During.Value.Fault(world);
                }

                if (EachStep is not null)
                {
                    await EachStep(world);
                }
            });
        Assert.True(applied, $"the release never reached {During?.Phase}");

        var what = $"{end.Status!.Phase} ({end.Status.Reason}: {end.Status.Message}); retries seen: {string.Join(", ", retries.Seen)}";
        Assert.True(end.Status.Phase == expected, $"expected {expected}, got {what}");
        Assert.True(world.Starts == 1, $"{what}: the operator was restarted");
        Assert.True(world.Succeeded(Eb, "CreateEnvironment", c => c.Sequence > since).Count == 1, $"{what}: green created once");
        var terminated = world.Succeeded(Eb, "TerminateEnvironment", c => c.Sequence > since);
        Assert.True(terminated.Count == 1, $"{what}: {terminated.Count} environments terminated");
        Assert.True((terminated[0].Parameter("EnvironmentId") == blueId) == (expected == ReleasePhase.Succeeded), $"{what}: the wrong environment was terminated");
        var duplicates = world.Sim.Calls.All
            .Where(c => c.Sequence > since && c.Succeeded && c.Action.StartsWith("Create", StringComparison.Ordinal))
            .GroupBy(c => c.Action + " " + string.Join("&", c.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{what}: duplicated {string.Join("; ", duplicates)}");
        // Faults that last past the release's end (a share of calls failing) are lifted: everything recovers in place.
        world.Sim.Faults.Clear();
        await world.RunForAsync(TimeSpan.FromMinutes(20));
        await AssertRecoveredAsync(world, what);
        return (end, retries);
    }

    /// <summary>No object still shows Reconciling=True on an AWS retry.</summary>
    private static async Task AssertRecoveredAsync(ReleaseWorld world, string what)
    {
        ICustomResource[] objects =
        [
            await world.CurrentAsync(),
            await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(ReleaseSamples.App),
            await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(ReleaseSamples.Frontend),
        ];
        foreach (var entity in objects)
        {
            var reconciling = Conditions.Find(entity.StatusBase, ConditionTypes.Reconciling);
            Assert.False(reconciling is { Status: ConditionStatus.True } && reconciling.Reason?.StartsWith("Aws", StringComparison.Ordinal) == true,
                $"{what}: {entity.Kind} {entity.Metadata.Name} still Reconciling ({reconciling?.Reason}) at the end");
        }
    }
}
