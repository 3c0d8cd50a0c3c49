using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// Where an operator process may die while it works on a <see cref="ReleaseWorld"/>: right after each mutating AWS
/// call took effect (before the operator learns the answer) and right after each status write that a
/// <see cref="StatusPoint"/> counts (before the AWS call that follows it). Points are numbered from 1 in the order they
/// are passed; armed with a number, the plan kills the operator there (<see cref="OperatorInstance.Crash"/>), unarmed
/// it only lists them. <see cref="SweepAsync"/> runs a scenario once without a crash, then once per point. The plan
/// also audits every listener change: a target group given new connections must have every target healthy then.
/// Generic over the kind: any controller's scenario in a <see cref="ReleaseWorld"/> can use it.
/// </summary>
internal sealed class CrashPlan
{
    private readonly ReleaseWorld world;
    private readonly int? crashAt;
    private readonly StatusPoint[] statusPoints;
    private readonly Dictionary<string, string?> stages = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private CrashPlan(ReleaseWorld world, int? crashAt, StatusPoint[] statusPoints)
    {
        this.world = world;
        this.crashAt = crashAt;
        this.statusPoints = statusPoints;
        world.Sim.Calls.Logged += OnCall;
        world.Writes.Recorded += OnWrite;
    }

    /// <summary>The points passed so far, in order (e.g. <c>aws elasticbeanstalk CreateEnvironment</c>, <c>bluegreenreleases Baking</c>).</summary>
    public List<string> Points { get; } = [];

    /// <summary>The point the operator was killed at, or null.</summary>
    public string? CrashedAt { get; private set; }

    /// <summary>Listener changes that gave new connections to a target that was not healthy.</summary>
    public List<string> UnhealthyForwards { get; } = [];

    /// <summary>
    /// Counts points from now on (and with <paramref name="crashAt"/> kills the operator at the n-th, counting from 1):
    /// every mutating AWS call, and the status writes <paramref name="statusPoints"/> select.
    /// </summary>
    public static CrashPlan Start(ReleaseWorld world, int? crashAt, params StatusPoint[] statusPoints) => new(world, crashAt, statusPoints);

    /// <summary>
    /// Runs <paramref name="scenario"/> (which starts a plan with the crash point it is given, drives the world to the end
    /// and asserts the outcome) once without a crash, then once per point that run passed (all of them, or those
    /// <paramref name="choose"/> picks from the reference list); each crashed run must have reached its point and
    /// every run must be free of unhealthy forwards.
    /// </summary>
    public static async Task<CrashSweep> SweepAsync(Func<int?, Task<CrashPlan>> scenario, Func<IReadOnlyList<string>, IEnumerable<int>>? choose = null)
    {
        var reference = await scenario(null);
        Assert.True(reference.UnhealthyForwards.Count == 0, $"without a crash: {string.Join("; ", reference.UnhealthyForwards)}");
        var chosen = (choose?.Invoke(reference.Points) ?? Enumerable.Range(1, reference.Points.Count)).ToList();
        foreach (var point in chosen)
        {
            var plan = await scenario(point);
            Assert.True(plan.CrashedAt is not null,
                $"crash point {point} ({reference.Points[point - 1]}) was not reached: {string.Join(", ", plan.Points)}");
            Assert.True(plan.UnhealthyForwards.Count == 0, $"crash at {point} ({plan.CrashedAt}): {string.Join("; ", plan.UnhealthyForwards)}");
        }

        return new CrashSweep(reference.Points, chosen);
    }

    private void OnCall(SimCall call)
    {
        if (!call.Succeeded || call.Injected || !IsMutation(call.Action))
        {
            return;
        }

        if (call.Action == "ModifyListener")
        {
            Audit(call);
        }

        Pass($"aws {call.Service} {call.Action}");
    }

    private void OnWrite(string path, string body)
    {
        if (!path.EndsWith("/status", StringComparison.Ordinal)
            || statusPoints.FirstOrDefault(p => path.Contains($"/{p.Plural}/", StringComparison.Ordinal)) is not { } point
            || JsonNode.Parse(body) is not JsonObject written || written["status"] is not JsonObject status)
        {
            return;
        }

        var stage = point.Stage(status);
        bool moved;
        lock (gate)
        {
            var key = path[..^"/status".Length];
            moved = stage is not null && (!stages.TryGetValue(key, out var before) || before != stage);
            stages[key] = stage;
        }

        if (moved)
        {
            Pass($"{point.Plural} {stage}");
        }
    }

    private void Pass(string point)
    {
        bool crash;
        lock (gate)
        {
            Points.Add(point);
            crash = crashAt == Points.Count && CrashedAt is null;
            if (crash)
            {
                CrashedAt = point;
            }
        }

        if (crash)
        {
            world.Operator.Crash();
        }
    }

    private void Audit(SimCall call)
    {
        var state = Elbv2State.For(world.Sim);
        foreach (var (group, weight) in call.Forward().Where(f => f.Value > 0))
        {
            var targets = state.TargetHealth(group) ?? [];
            if (targets.Count == 0 || targets.Any(t => t.State != "healthy"))
            {
                lock (gate)
                {
                    UnhealthyForwards.Add($"{call.Time:O} {group} at weight {weight}: {string.Join(", ", targets.Select(t => t.State))}");
                }
            }
        }
    }

    private static bool IsMutation(string action) => action.Length > 0 && !action.StartsWith("Describe", StringComparison.Ordinal)
        && !action.StartsWith("List", StringComparison.Ordinal) && !action.StartsWith("Get", StringComparison.Ordinal)
        && !action.StartsWith("Head", StringComparison.Ordinal) && !action.StartsWith("Check", StringComparison.Ordinal);
}
