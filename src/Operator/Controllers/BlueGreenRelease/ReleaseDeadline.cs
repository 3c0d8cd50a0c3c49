using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// By when the current phase should have ended on the release's own settings (the planner acts at these times), or
/// null when the phase may wait indefinitely (at rest, a manual promotion without a deadline, a manual weighted step).
/// Phases with no setting of their own (a cut-over, a switch-back) get the progress deadline. A release still in the
/// phase well past this time is stuck: the operator is down, or an AWS call keeps failing.
/// </summary>
public static class ReleaseDeadline
{
    public static DateTimeOffset? Of(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus? status)
    {
        if (status?.Phase is not { } phase || status.PhaseSince is not { } since)
        {
            return null;
        }

        var strategy = spec.Strategy;
        var progress = TimeSpan.FromSeconds(strategy.ProgressDeadlineSeconds);
        var switched = status.Traffic?.SwitchedAt ?? since;
        return phase switch
        {
            ReleasePhase.ProvisioningGreen or ReleasePhase.Verifying => (status.StartedAt ?? since) + progress,
            ReleasePhase.AwaitingPromotion => Promotion(strategy, since),
            ReleasePhase.CuttingOver => Cutover(strategy, since, progress),
            ReleasePhase.Baking => switched + TimeSpan.FromSeconds(strategy.BakeSeconds + spec.HealthGate.IntervalSeconds),
            ReleasePhase.RetiringBlue => switched + TimeSpan.FromSeconds(
                Math.Max(strategy.BlueRetention.MaxSeconds, Math.Max(strategy.BlueRetention.MinSeconds, strategy.CnameDrainSeconds))),
            ReleasePhase.SwitchingBack => since + progress,
            ReleasePhase.Aborting => since + TimeSpan.FromSeconds(status.Reason == ReleaseReasons.Superseded ? 0 : strategy.AbortGreenRetentionSeconds),
            _ => null,
        };
    }

    private static DateTimeOffset? Promotion(ReleaseStrategy strategy, DateTimeOffset since)
    {
        if (strategy.PromotionDeadlineSeconds > 0)
        {
            return since + TimeSpan.FromSeconds(strategy.PromotionDeadlineSeconds);
        }

        return strategy.AutoPromotion ? since + TimeSpan.FromSeconds(strategy.AutoPromotionSeconds) : null;
    }

    private static DateTimeOffset? Cutover(ReleaseStrategy strategy, DateTimeOffset since, TimeSpan progress)
    {
        if (strategy.Cutover != CutoverMethod.NlbWeighted)
        {
            return since + progress;
        }

        var steps = strategy.Steps ?? [];
        if (steps.Any(s => s.Weight < 100 && s.PauseSeconds is null))
        {
            return null;
        }

        return since + progress + TimeSpan.FromSeconds(steps.Sum(s => s.PauseSeconds ?? 0));
    }
}
