using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// CuttingOver with NlbWeighted: step by step, set green's weight (new connections follow the weights, open ones stay),
/// then watch the step: the health gate keeps running and green is compared with blue; a failure sets green's weight
/// to 0 at once (SwitchingBack → RolledBack). A step with pauseSeconds advances after it (and a passing comparison); a
/// step without waits for a promote signal. Reaching 100% is the cut-over: then the bake.
/// </summary>
internal static class WeightedRules
{
    public static ReleaseDecision Shifting(ReleaseContext ctx)
    {
        if (ctx.ActiveEnvironment is null)
        {
            // Nothing serves yet (an app's first release): there is no blue to share traffic with.
            return CutoverRules.CuttingOver(ctx);
        }

        var status = ctx.Status;
        var steps = ctx.Spec.Strategy.Steps ?? [];
        var traffic = status.Traffic ??= new TrafficStatus();
        traffic.Steps ??= [];
        if (traffic.Step is not { } number || number < 1 || number > steps.Count)
        {
            number = 1;
            Begin(ctx, traffic, number, steps[0]);
        }

        var step = steps[number - 1];
        var record = traffic.Steps[^1];
        var green = ctx.Candidate;
        var sender = ctx.SignalSender;
        if (ctx.Take(ReleaseSignal.Abort) || ctx.Take(ReleaseSignal.Rollback))
        {
            // Before green got any connection this is a plain abort; after, its weight goes back to 0 at once.
            return (ctx.Seen.CandidateWeight ?? 0) == 0 && number == 1
                ? EndRules.Abort(ctx, ReleaseReasons.AbortRequested, $"abort requested by {sender} before green got traffic")
                : SwitchBack(ctx, ReleaseReasons.RollbackRequested, $"green's weight set to 0 at step {number} on request of {sender}");
        }

        if (ctx.Seen.CandidateWeight != step.Weight)
        {
            if (number == 1 && ctx.Seen.DatabaseBusy is { } busy)
            {
                return ctx.Wait(ctx.Timings.Dependency, $"no shift while the database is {busy}");
            }

            if (number == 1 && Health(ctx) != "healthy")
            {
                return CutoverRules.CuttingOver(ctx);
            }

            return ctx.Act(new SetWeights(green, step.Weight), $"shifting {step.Weight}% of new connections to {green.Label()} (step {number}/{steps.Count})");
        }

        traffic.GreenWeight = step.Weight;
        traffic.Summary = $"{green.Label()} {step.Weight}%";
        record.StartedAt ??= ctx.Now;
        if (Watch(ctx, record) is { } failed)
        {
            return failed;
        }

        if (step.Weight == 100)
        {
            record.EndedAt = ctx.Now;
            return CutoverRules.Done(ctx);
        }

        return Hold(ctx, number, step, record, sender);
    }

    /// <summary>Watches a step below 100%: advances after its pause (with a passing comparison) or on promote, else waits.</summary>
    private static ReleaseDecision Hold(ReleaseContext ctx, int number, TrafficStep step, TrafficStepStatus record, string sender)
    {
        var status = ctx.Status;
        var green = ctx.Candidate;
        var steps = ctx.Spec.Strategy.Steps!;
        var pauseEnd = record.StartedAt!.Value + TimeSpan.FromSeconds(step.PauseSeconds ?? 0);
        var advance = step.PauseSeconds is null
            ? ctx.Take(ReleaseSignal.Promote)
            : ctx.Now >= pauseEnd && record.Passed == true;
        if (advance)
        {
            record.EndedAt = ctx.Now;
            status.PauseReason = null;
            ctx.Note("Normal", "StepPassed", $"step {number} ({step.Weight}% to {green.Label()}) passed{(step.PauseSeconds is null ? $"; promoted by {sender}" : "")}: {record.Analysis}");
            Begin(ctx, status.Traffic!, number + 1, steps[number]);
            return Shifting(ctx);
        }

        var next = GateRules.NextRound(status, ctx.Spec.HealthGate, ctx.Now);
        if (step.PauseSeconds is null)
        {
            status.PauseReason = "AwaitingPromotion";
            return ctx.WaitUntil(next, ctx.Timings.Poll, $"{step.Weight}% of new connections on {green.Label()}; waiting for promotion to step {number + 1}");
        }

        var wake = ctx.Now < pauseEnd && pauseEnd < next ? pauseEnd : next;
        return ctx.WaitUntil(wake, ctx.Timings.Poll, $"{step.Weight}% of new connections on {green.Label()} until {pauseEnd.UtcDateTime:HH:mm:ss}Z (step {number}/{steps.Count}): {record.Analysis ?? "no comparison yet"}");
    }

    /// <summary>The gate round and the comparison of this pass; a failure of either switches back.</summary>
    private static ReleaseDecision? Watch(ReleaseContext ctx, TrafficStepStatus record)
    {
        var status = ctx.Status;
        if (ctx.Seen.Comparison is { } comparison)
        {
            var (passed, evidence) = AnalysisRules.Evaluate(comparison, ctx.Spec.Strategy.Analysis);
            record.Analysis = evidence;
            record.Passed = passed ?? record.Passed;
            if (passed == false)
            {
                return SwitchBack(ctx, ReleaseReasons.AnalysisFailed, $"green failed the comparison at {record.Weight}%: {evidence}");
            }
        }

        return VerifyRules.Round(ctx) == GateOutcome.Failed
            ? SwitchBack(ctx, ReleaseReasons.GateFailed, $"green failed the health gate at {record.Weight}%: {GateRules.Evidence(status.Gate!)}")
            : null;
    }

    private static void Begin(ReleaseContext ctx, TrafficStatus traffic, int number, TrafficStep step)
    {
        traffic.Step = number;
        traffic.Steps!.Add(new TrafficStepStatus { Weight = step.Weight });
        ctx.Status.Gate!.Failures = 0;
    }

    private static string? Health(ReleaseContext ctx) =>
        ctx.Seen.TargetHealth.TryGetValue(ctx.Candidate, out var health) ? health : null;

    private static ReleaseDecision SwitchBack(ReleaseContext ctx, string reason, string message)
    {
        ctx.Enter(ReleasePhase.SwitchingBack, reason, message);
        return CutoverRules.SwitchingBack(ctx);
    }
}
