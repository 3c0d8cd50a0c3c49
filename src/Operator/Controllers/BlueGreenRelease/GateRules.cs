using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The health gate as a pure fold: a round passes when every check passed, fails when any check failed, and is
/// inconclusive otherwise. The gate passes after consecutiveSuccesses passing rounds in a row and fails the release
/// after failureLimit failing rounds (not necessarily in a row). Rounds are at most one per intervalSeconds.
/// </summary>
public static class GateRules
{
    /// <summary>The checks to measure: the spec's, or by default EB health (Ok) plus target health when a frontend is used.</summary>
    public static IReadOnlyList<HealthGateCheck> Checks(BlueGreenReleaseSpec spec, bool usesFrontend)
    {
        if (spec.HealthGate.Checks is { Count: > 0 } checks)
        {
            return checks;
        }

        List<HealthGateCheck> defaults = [new() { Name = "eb-health", EbHealth = new EbHealthCheck() }];
        if (usesFrontend)
        {
            defaults.Add(new HealthGateCheck { Name = "target-health", TargetHealth = new TargetHealthCheck() });
        }

        return defaults;
    }

    /// <summary>True when the phase runs gate rounds.</summary>
    public static bool Measures(ReleasePhase? phase) =>
        phase is ReleasePhase.Verifying or ReleasePhase.AwaitingPromotion or ReleasePhase.Baking;

    /// <summary>When the next round is due.</summary>
    public static DateTimeOffset NextRound(BlueGreenReleaseStatus status, HealthGate gate, DateTimeOffset now) =>
        status.Gate?.LastRoundAt is { } last ? last + Interval(gate) : now;

    /// <summary>A fresh gate: no rounds, every check pending.</summary>
    public static GateStatus Fresh(IReadOnlyList<HealthGateCheck> checks, HealthGate gate) => new()
    {
        Summary = $"0/{gate.ConsecutiveSuccesses}",
        Checks = [.. checks.Select(c => new GateCheckStatus { Name = c.Name, Phase = GateCheckPhase.Pending })],
    };

    /// <summary>Folds one round into <paramref name="status"/> and says what it did.</summary>
    public static GateOutcome Apply(GateStatus status, IReadOnlyList<GateCheckResult> round, HealthGate gate, DateTimeOffset now)
    {
        status.LastRoundAt = now;
        status.Checks = [.. round.Select(r => new GateCheckStatus { Name = r.Name, Phase = r.Phase, Message = r.Message, LastMeasuredAt = now })];
        GateOutcome outcome;
        if (round.Any(r => r.Phase == GateCheckPhase.Failed))
        {
            status.ConsecutiveSuccesses = 0;
            status.Failures++;
            outcome = status.Failures >= gate.FailureLimit ? GateOutcome.Failed : GateOutcome.Failing;
        }
        else if (round.Count > 0 && round.All(r => r.Phase == GateCheckPhase.Successful))
        {
            status.ConsecutiveSuccesses++;
            status.Passed |= status.ConsecutiveSuccesses >= gate.ConsecutiveSuccesses;
            outcome = status.ConsecutiveSuccesses >= gate.ConsecutiveSuccesses ? GateOutcome.Passed : GateOutcome.Passing;
        }
        else
        {
            outcome = GateOutcome.Inconclusive;
        }

        var streak = Math.Min(status.ConsecutiveSuccesses, gate.ConsecutiveSuccesses);
        status.Summary = $"{streak}/{gate.ConsecutiveSuccesses}" + (status.Failures > 0 ? $" ({status.Failures} failed)" : "");
        return outcome;
    }

    /// <summary>The failing checks and their evidence, for messages and events.</summary>
    public static string Evidence(GateStatus status) => string.Join("; ",
        (status.Checks ?? []).Where(c => c.Phase == GateCheckPhase.Failed).Select(c => $"{c.Name}: {c.Message}"));

    private static TimeSpan Interval(HealthGate gate) => TimeSpan.FromSeconds(gate.IntervalSeconds);
}
