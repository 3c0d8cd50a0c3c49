using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// A <see cref="CrashPlan"/> scenario for the kinds without a release phase (RdsDatabase, BeanstalkApp, NlbFrontend): the
/// object is created and run until Ready, then deleted and run until it is gone, with the operator killed at the given
/// point (every mutating AWS call and every change of the Ready reason) and started again on the same cluster and AWS.
/// The crash-free run records how many times each creating or destroying AWS action succeeded; every crashed run must
/// make exactly as many (a second object, a second delete or a lost one shows up as a different count), and leave
/// the checks of the kind (<c>check</c>) true.
/// </summary>
internal sealed class LifecycleCrash<T>(string plural, Func<T> create, Func<ReleaseWorld, Task>? prepare = null, Action<ReleaseWorld, string>? check = null)
    where T : class, ICustomResource
{
    private static readonly string[] Effects = ["Create", "Allocate", "Delete", "Terminate", "Release", "Reboot", "Register", "Deregister", "Authorize", "Revoke"];

    private IReadOnlyDictionary<string, int>? reference;

    /// <summary>Runs the lifecycle once, crashing at <paramref name="crashAt"/> (null: the reference run).</summary>
    public async Task<CrashPlan> RunAsync(int? crashAt)
    {
        await using var world = await ReleaseWorld.StartAsync();
        if (prepare is not null)
        {
            await prepare(world);
        }

        await world.SettleAsync();
        var since = world.Sim.Calls.All.LastOrDefault()?.Sequence ?? 0;
        var plan = CrashPlan.Start(world, crashAt, StatusPoint.ReadyReason(plural));
        var entity = create();
        var name = entity.Metadata.Name;
        await world.CreateAsync(entity);
        var ready = await world.RunUntilAsync<T>(name, o => Conditions.IsTrue(o.StatusBase, ConditionTypes.Ready), TimeSpan.FromHours(2), $"{name} is Ready (crash at {crashAt})");
        var observed = ready.StatusBase?.ObservedGeneration;
        await world.DeleteAsync<T>(name);
        await world.UntilGoneAsync<T>(name, TimeSpan.FromHours(2));

        var what = $"crash at {crashAt} ({plan.CrashedAt}); points: {string.Join(", ", plan.Points)}";
        Assert.True(world.Starts == (crashAt is null ? 1 : 2), $"{what}: {world.Starts} operator starts");
        Assert.Equal(ready.Metadata.Generation, observed);
        var effects = EffectsSince(world, since);
        if (crashAt is null)
        {
            reference = effects;
        }
        else
        {
            Assert.True(reference is not null, "the reference run comes first");
            Assert.True(reference.OrderBy(e => e.Key).SequenceEqual(effects.OrderBy(e => e.Key)),
                $"{what}: AWS effects {Format(effects)}, without a crash {Format(reference)}");
        }

        check?.Invoke(world, what);

        return plan;
    }

    /// <summary>How many times each creating or destroying action succeeded after call <paramref name="since"/>.</summary>
    private static Dictionary<string, int> EffectsSince(ReleaseWorld world, long since) =>
        world.Sim.Calls.All
            .Where(c => c.Sequence > since && c.Succeeded && !c.Injected && Effects.Any(e => c.Action.StartsWith(e, StringComparison.Ordinal)))
            .GroupBy(c => $"{c.Service} {c.Action}")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Format(IReadOnlyDictionary<string, int> effects) =>
        string.Join(", ", effects.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}×{e.Value}"));
}
