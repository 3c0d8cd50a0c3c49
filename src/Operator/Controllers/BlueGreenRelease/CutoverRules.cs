using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// CuttingOver (one ModifyListener to green's target group after re-checking its health, or a CNAME swap) and
/// SwitchingBack (the same move towards blue, then green's ALB out of its target group so that the kept-alive
/// connections still open on green close after the deregistration delay). Each first looks at where traffic goes: a
/// listener already on green means the cut-over happened (a crash right after the call resumes here).
/// </summary>
internal static class CutoverRules
{
    public static ReleaseDecision CuttingOver(ReleaseContext ctx)
    {
        var seen = ctx.Seen;
        var green = ctx.Candidate;
        if (seen.DatabaseBusy is { } busy)
        {
            return ctx.Wait(ctx.Timings.Dependency, $"no cut-over while the database is {busy}");
        }

        if (ctx.UsesFrontend)
        {
            if (seen.ListenerColor == green)
            {
                return Done(ctx);
            }

            seen.TargetHealth.TryGetValue(green, out var health);
            if (health != "healthy")
            {
                ctx.Status.Gate = GateRules.Fresh(GateRules.Checks(ctx.Spec, ctx.UsesFrontend), ctx.Spec.HealthGate);
                ctx.Enter(ReleasePhase.Verifying, ReleaseReasons.TargetNotHealthy,
                    $"green's ALB is {health ?? "not registered"} in its target group; verifying again before the cut-over");
                return ctx.Wait(ctx.Timings.Busy, ctx.Status.Message!);
            }

            return ctx.Act(new SwitchListener(green), $"switching the listener to the {green.Label()} target group");
        }

        var blueEnvironment = seen.Environment(green.Other());
        var greenEnvironment = ctx.CandidateEnvironment;
        if (blueEnvironment is null || greenEnvironment is null || greenEnvironment.Cname == ctx.Status.Traffic?.ProductionCname)
        {
            return Done(ctx);
        }

        return ctx.Act(new SwapCnames(blueEnvironment.Name, greenEnvironment.Name), $"swapping the CNAMEs of {blueEnvironment.Name} and {greenEnvironment.Name}");
    }

    public static ReleaseDecision SwitchingBack(ReleaseContext ctx)
    {
        var seen = ctx.Seen;
        var blue = ctx.Candidate.Other();
        if (ctx.UsesFrontend)
        {
            if (seen.ListenerColor != blue)
            {
                return ctx.Act(new SwitchListener(blue), $"switching the listener back to the {blue.Label()} target group");
            }

            return EndRules.CloseCandidateConnections(ctx) ?? Back(ctx);
        }

        var blueEnvironment = seen.Environment(blue);
        var greenEnvironment = ctx.CandidateEnvironment;
        if (blueEnvironment is null || greenEnvironment is null || blueEnvironment.Cname == ctx.Status.Traffic?.ProductionCname)
        {
            return Back(ctx);
        }

        return ctx.Act(new SwapCnames(greenEnvironment.Name, blueEnvironment.Name), $"swapping the CNAMEs back to {blueEnvironment.Name}");
    }

    /// <summary>All new connections go to green: it is the active colour; the bake starts.</summary>
    public static ReleaseDecision Done(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var retention = ctx.Spec.Strategy.BlueRetention;
        status.Traffic ??= new TrafficStatus();
        status.Traffic.SwitchedAt = ctx.Now;
        status.Traffic.DrainingUntil = ctx.Now + TimeSpan.FromSeconds(retention.MaxSeconds);
        status.ActiveColor = ctx.Candidate;
        status.Traffic.GreenWeight = ctx.Cutover == CutoverMethod.NlbWeighted ? 100 : null;
        status.Traffic.Summary = ctx.Cutover == CutoverMethod.NlbWeighted ? $"{ctx.Candidate.Label()} 100%" : ctx.Candidate.Label();
        status.Gate = GateRules.Fresh(BakeRules.Checks(ctx), ctx.Spec.HealthGate);
        ctx.Enter(ReleasePhase.Baking, ReleaseReasons.CutOver, $"traffic moved to {ctx.EnvironmentName(ctx.Candidate)}; baking for {ctx.Spec.Strategy.BakeSeconds}s");
        return BakeRules.Baking(ctx);
    }

    private static ReleaseDecision Back(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var reason = status.Reason ?? ReleaseReasons.RollbackRequested;
        var blue = ctx.Candidate.Other();
        status.ActiveColor = blue;
        status.Traffic ??= new TrafficStatus();
        status.Traffic.SwitchedAt = ctx.Now;
        status.Traffic.GreenWeight = ctx.Cutover == CutoverMethod.NlbWeighted ? 0 : null;
        status.Traffic.Summary = ctx.Cutover == CutoverMethod.NlbWeighted ? $"{blue.Label()} 100%" : blue.Label();
        status.PendingTermination = new PendingTermination
        {
            Color = ctx.Candidate,
            EnvironmentName = ctx.EnvironmentName(ctx.Candidate),
            NotBefore = ctx.Now + TimeSpan.FromSeconds(ctx.Spec.Strategy.AbortGreenRetentionSeconds),
        };
        EndRules.Finish(ctx, ReleaseOutcome.RolledBack, reason);
        ctx.Enter(ReleasePhase.RolledBack, reason, $"traffic is back on {ctx.EnvironmentName(blue)} ({status.StableVersion}); {status.CandidateVersion} rolled back ({reason})");
        return ctx.Wait(ctx.Timings.Poll, status.Message!);
    }
}
