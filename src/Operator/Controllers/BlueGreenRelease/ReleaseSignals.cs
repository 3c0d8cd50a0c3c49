using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The <c>ebops.io/signal</c> values and which phases take each: the rules the planner applies, stated once for the
/// callers that must refuse a signal before sending it (<c>kubectl ebops</c>; the Argo CD <c>discovery.lua</c> states
/// the same rules in Lua and a test keeps the three in agreement).
/// </summary>
public static class ReleaseSignals
{
    /// <summary>The pause reason of a release waiting for a promote signal (the gate passed, or a manual weighted step).</summary>
    public const string AwaitingPromotion = "AwaitingPromotion";

    public static IReadOnlyList<ReleaseSignal> All { get; } = [ReleaseSignal.Promote, ReleaseSignal.Abort, ReleaseSignal.Retry, ReleaseSignal.Rollback];

    /// <summary>The annotation value: <c>promote</c>, <c>abort</c>, <c>retry</c> or <c>rollback</c>.</summary>
    public static string Name(ReleaseSignal signal) => signal switch
    {
        ReleaseSignal.Promote => "promote",
        ReleaseSignal.Abort => "abort",
        ReleaseSignal.Retry => "retry",
        ReleaseSignal.Rollback => "rollback",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    /// <summary>Reads an annotation value (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? value, out ReleaseSignal signal)
    {
        foreach (var candidate in All)
        {
            if (value == Name(candidate))
            {
                signal = candidate;
                return true;
            }
        }

        signal = default;
        return false;
    }

    /// <summary>Where the signal applies, for messages: "while the release awaits promotion ...".</summary>
    public static string AppliesWhen(ReleaseSignal signal) => signal switch
    {
        ReleaseSignal.Promote => "in phase AwaitingPromotion (not yet promoted) or at a weighted step waiting for promotion",
        ReleaseSignal.Abort => "before the cut-over (ProvisioningGreen, Verifying, AwaitingPromotion) or during weighted steps",
        ReleaseSignal.Retry => "after a release ended Aborted, RolledBack or Failed",
        ReleaseSignal.Rollback => "after the cut-over while blue still runs (Baking, RetiringBlue) or during weighted steps",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    /// <summary>True when the release in this state takes <paramref name="signal"/>.</summary>
    public static bool Accepts(ReleaseSignal signal, BlueGreenReleaseSpec spec, BlueGreenReleaseStatus? status)
    {
        var phase = status?.Phase;
        var weighted = phase == ReleasePhase.CuttingOver && spec.Strategy.Cutover == CutoverMethod.NlbWeighted;
        return signal switch
        {
            ReleaseSignal.Promote => (phase == ReleasePhase.AwaitingPromotion && status!.PromotedBy is null)
                || (weighted && status!.PauseReason == AwaitingPromotion),
            ReleaseSignal.Abort => phase is ReleasePhase.ProvisioningGreen or ReleasePhase.Verifying or ReleasePhase.AwaitingPromotion || weighted,
            ReleaseSignal.Retry => phase is ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.Failed,
            ReleaseSignal.Rollback => phase is ReleasePhase.Baking or ReleasePhase.RetiringBlue || weighted,
            _ => false,
        };
    }

    /// <summary>Why the release does not take <paramref name="signal"/> now, or null when it does.</summary>
    public static string? Refusal(ReleaseSignal signal, BlueGreenReleaseSpec spec, BlueGreenReleaseStatus? status)
    {
        if (Accepts(signal, spec, status))
        {
            return null;
        }

        var phase = status?.Phase?.ToString() ?? "none (no release yet)";
        var already = signal == ReleaseSignal.Promote && status?.Phase == ReleasePhase.AwaitingPromotion && status.PromotedBy is { } by
            ? $"; it was already promoted by {by}"
            : "";
        return $"{Name(signal)} applies {AppliesWhen(signal)}; the release is in phase {phase}{already}";
    }
}
