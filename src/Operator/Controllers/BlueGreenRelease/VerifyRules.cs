using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Verifying (the gate runs until it passes or fails) and AwaitingPromotion (the gate keeps running; promotion is
/// automatic after autoPromotionSeconds or waits for a promote signal, within promotionDeadlineSeconds; the cut-over
/// waits while the app's database is modifying, rebooting or waiting for a reboot).
/// </summary>
internal static class VerifyRules
{
    public static ReleaseDecision Verifying(ReleaseContext ctx)
    {
        if (ProvisionRules.BeforeCutoverExit(ctx) is { } exit)
        {
            return exit;
        }

        var status = ctx.Status;
        if (ctx.CandidateEnvironment is not { } green || green.IsTerminating)
        {
            return EndRules.Abort(ctx, ReleaseReasons.GreenFailed, $"{ctx.EnvironmentName(ctx.Candidate)} disappeared while it was verified");
        }

        switch (Round(ctx))
        {
            case GateOutcome.Passed:
                ctx.Enter(ReleasePhase.AwaitingPromotion, ReleaseReasons.GatePassed, $"{green.Name} passed the health gate ({status.Gate!.Summary})");
                return AwaitingPromotion(ctx);
            case GateOutcome.Failed:
                return EndRules.Abort(ctx, ReleaseReasons.GateFailed, $"{green.Name} failed the health gate: {GateRules.Evidence(status.Gate!)}");
            default:
                return ctx.WaitUntil(GateRules.NextRound(status, ctx.Spec.HealthGate, ctx.Now), ctx.Timings.Poll,
                    $"verifying {green.Name}: gate {status.Gate!.Summary}");
        }
    }

    public static ReleaseDecision AwaitingPromotion(ReleaseContext ctx)
    {
        if (ProvisionRules.BeforeCutoverExit(ctx) is { } exit)
        {
            return exit;
        }

        var status = ctx.Status;
        var strategy = ctx.Spec.Strategy;
        if (Round(ctx) == GateOutcome.Failed)
        {
            return EndRules.Abort(ctx, ReleaseReasons.GateFailed, $"green failed the health gate while awaiting promotion: {GateRules.Evidence(status.Gate!)}");
        }

        var since = status.PhaseSince ?? ctx.Now;
        var autoAt = since + TimeSpan.FromSeconds(strategy.AutoPromotionSeconds);
        var sender = ctx.SignalSender;
        if (status.PromotedBy is null && ctx.Take(ReleaseSignal.Promote))
        {
            status.PromotedBy = sender;
        }
        else if (status.PromotedBy is null && strategy.AutoPromotion && ctx.Now >= autoAt)
        {
            status.PromotedBy = "auto";
        }

        var nextRound = GateRules.NextRound(status, ctx.Spec.HealthGate, ctx.Now);
        if (status.PromotedBy is null)
        {
            var deadline = since + TimeSpan.FromSeconds(strategy.PromotionDeadlineSeconds);
            if (strategy.PromotionDeadlineSeconds > 0 && ctx.Now >= deadline)
            {
                return EndRules.Abort(ctx, ReleaseReasons.PromotionDeadlineExceeded,
                    $"not promoted within {strategy.PromotionDeadlineSeconds}s");
            }

            status.PauseReason = strategy.AutoPromotion ? "AutoPromotion" : "AwaitingPromotion";
            var wake = strategy.AutoPromotion ? Min(nextRound, autoAt) : nextRound;
            if (strategy.PromotionDeadlineSeconds > 0)
            {
                wake = Min(wake, deadline);
            }

            return ctx.WaitUntil(wake, ctx.Timings.Poll, strategy.AutoPromotion
                ? $"gate passed; promoting automatically at {autoAt.UtcDateTime:HH:mm:ss}Z"
                : "gate passed; waiting for promotion (kubectl ebops promote " + ctx.Spec.AppRef.Name + ")");
        }

        status.PauseReason = null;
        if (ctx.Seen.DatabaseBusy is { } busy)
        {
            return ctx.WaitUntil(nextRound, ctx.Timings.Dependency, $"promoted by {status.PromotedBy}; no cut-over while the database is {busy}");
        }

        ctx.Enter(ReleasePhase.CuttingOver, ReleaseReasons.Promoted, $"promoted by {status.PromotedBy}");
        return CutoverRules.CuttingOver(ctx);
    }

    /// <summary>Folds the observed round (if one was measured) into the gate.</summary>
    public static GateOutcome Round(ReleaseContext ctx)
    {
        if (ctx.Seen.GateRound is not { } round)
        {
            return GateOutcome.None;
        }

        ctx.Status.Gate ??= GateRules.Fresh(GateRules.Checks(ctx.Spec, ctx.UsesFrontend), ctx.Spec.HealthGate);
        var outcome = GateRules.Apply(ctx.Status.Gate, round, ctx.Spec.HealthGate, ctx.Now);
        if (outcome is GateOutcome.Failing or GateOutcome.Failed)
        {
            ctx.Note("Warning", "GateCheckFailed", $"gate round failed ({ctx.Status.Gate.Summary}): {GateRules.Evidence(ctx.Status.Gate)}");
        }

        return outcome;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
