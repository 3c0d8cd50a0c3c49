using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Baking (green serves; the gate's checks plus green's 5xx rate keep running for bakeSeconds; a failed gate or a
/// rollback switches traffic back to blue at once) and RetiringBlue (blue is kept for instant rollback at least
/// minSeconds — CnameSwap: at least cnameDrainSeconds; then its ALB leaves the NLB's target group, and with
/// untilDrained blue is kept until it serves no requests or maxSeconds passed; then it is terminated).
/// </summary>
internal static class BakeRules
{
    /// <summary>The check every bake adds to the gate's: green's 5xx share of its requests.</summary>
    public const string ErrorRateCheck = "error-rate";

    public static IReadOnlyList<HealthGateCheck> Checks(ReleaseContext ctx) =>
        [.. GateRules.Checks(ctx.Spec, ctx.UsesFrontend), new HealthGateCheck { Name = ErrorRateCheck }];

    public static ReleaseDecision Baking(ReleaseContext ctx)
    {
        var status = ctx.Status;
        if (Rollback(ctx) is { } rollback)
        {
            return rollback;
        }

        if (VerifyRules.Round(ctx) == GateOutcome.Failed)
        {
            var evidence = GateRules.Evidence(status.Gate!);
            return ctx.Seen.Environment(ctx.Candidate.Other()) is null
                ? EndRules.Fail(ctx, ReleaseReasons.BakeFailed, $"green failed its bake and there is no blue to switch back to: {evidence}")
                : SwitchBack(ctx, ReleaseReasons.BakeFailed, $"green failed its bake: {evidence}");
        }

        var switchedAt = status.Traffic?.SwitchedAt ?? ctx.Now;
        var bakeEnd = switchedAt + TimeSpan.FromSeconds(ctx.Spec.Strategy.BakeSeconds);
        var measuredSinceCutover = status.Gate?.LastRoundAt is { } last && last >= switchedAt;
        var lastRoundPassed = measuredSinceCutover && status.Gate!.ConsecutiveSuccesses > 0;
        if (ctx.Spec.Strategy.BakeSeconds == 0 || (ctx.Now >= bakeEnd && lastRoundPassed))
        {
            ctx.Enter(ReleasePhase.RetiringBlue, ReleaseReasons.BakePassed, $"green passed its bake ({status.Gate?.Summary})");
            return RetiringBlue(ctx);
        }

        var next = GateRules.NextRound(status, ctx.Spec.HealthGate, ctx.Now);
        var wake = ctx.Now < bakeEnd && bakeEnd < next ? bakeEnd : next;
        return ctx.WaitUntil(wake, ctx.Timings.Poll, $"baking green until {bakeEnd.UtcDateTime:HH:mm:ss}Z: {status.Gate?.Summary}");
    }

    public static ReleaseDecision RetiringBlue(ReleaseContext ctx)
    {
        if (Rollback(ctx) is { } rollback)
        {
            return rollback;
        }

        var blue = ctx.Candidate.Other();
        var retention = ctx.Spec.Strategy.BlueRetention;
        var switchedAt = ctx.Status.Traffic?.SwitchedAt ?? ctx.Now;
        var keepUntil = switchedAt + TimeSpan.FromSeconds(ctx.UsesFrontend
            ? retention.MinSeconds
            : Math.Max(retention.MinSeconds, ctx.Spec.Strategy.CnameDrainSeconds));
        var blueAlive = ctx.Seen.Environment(blue) is not null || ctx.Seen.RegisteredAlbs.ContainsKey(blue) || ctx.Seen.DrainingAlbs.ContainsKey(blue);
        if (blueAlive && ctx.Now < keepUntil)
        {
            return ctx.WaitUntil(keepUntil, ctx.Timings.Poll, $"keeping blue until {keepUntil.UtcDateTime:HH:mm:ss}Z for an instant rollback");
        }

        if (ctx.UsesFrontend && ctx.Seen.RegisteredAlbs.TryGetValue(blue, out var alb))
        {
            // Out of the NLB's target group first: the NLB health-checks a registered ALB through to its instances, so
            // blue's request count falls to zero only once it left; connections still open keep being served meanwhile.
            return ctx.Act(new DeregisterAlb(blue, alb), $"removing {ctx.EnvironmentName(blue)}'s ALB from its target group; open connections drain");
        }

        var latest = switchedAt + TimeSpan.FromSeconds(retention.MaxSeconds);
        if (blueAlive && retention.UntilDrained && ctx.Seen.BlueDrained != true && ctx.Now < latest)
        {
            return ctx.Wait(ctx.Timings.Busy, $"waiting for blue to drain (at the latest until {latest.UtcDateTime:HH:mm:ss}Z)");
        }

        return EndRules.Retire(ctx, blue) ?? EndRules.Succeed(ctx);
    }

    /// <summary>A rollback signal, or spec.version set back to the stable version while blue still runs.</summary>
    private static ReleaseDecision? Rollback(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var blue = ctx.Candidate.Other();
        // Behind an NLB, blue can take traffic back only while its ALB is still in its target group (the rollback window).
        var blueRuns = ctx.Seen.Environment(blue) is not null && (!ctx.UsesFrontend || ctx.Seen.RegisteredAlbs.ContainsKey(blue));
        var sender = ctx.SignalSender;
        if (ctx.Take(ReleaseSignal.Rollback))
        {
            return blueRuns
                ? SwitchBack(ctx, ReleaseReasons.RollbackRequested, $"rollback requested by {sender}")
                : Ignored(ctx, "rollback requested, but blue no longer takes traffic (it left its target group or is gone); release the previous version again instead");
        }

        return blueRuns && status.StableVersion is { } stable && ctx.Spec.Version.Label == stable && stable != status.CandidateVersion
            ? SwitchBack(ctx, ReleaseReasons.RollbackRequested, $"spec.version is back to {stable}, which blue still runs")
            : null;
    }

    private static ReleaseDecision SwitchBack(ReleaseContext ctx, string reason, string message)
    {
        ctx.Enter(ReleasePhase.SwitchingBack, reason, message);
        return CutoverRules.SwitchingBack(ctx);
    }

    private static ReleaseDecision? Ignored(ReleaseContext ctx, string note)
    {
        ctx.Note("Warning", "SignalIgnored", note);
        return null;
    }
}
