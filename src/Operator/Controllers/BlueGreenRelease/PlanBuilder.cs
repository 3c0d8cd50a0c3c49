using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The ordered AWS steps of a release with the names it will use, and each step's state from the phase reached (a dry
/// run publishes the same plan and stops).
/// </summary>
internal static class PlanBuilder
{
    public static List<PlanStep> Build(ReleaseContext ctx, DeploymentColor color, string label)
    {
        var spec = ctx.Spec;
        var green = ctx.EnvironmentName(color);
        var blueEnvironment = ctx.Seen.Environment(color.Other());
        var minimum = Math.Max(blueEnvironment?.InstanceCount ?? 0, ctx.Seen.AppMinInstances);
        var bundle = spec.Version.SourceBundle;
        var gate = spec.HealthGate;
        List<(string Step, ReleasePhase DoneAfter)> steps =
        [
            ($"s3:HeadObject s3://{bundle.S3Bucket}/{bundle.S3Key}", ReleasePhase.ProvisioningGreen),
            ($"elasticbeanstalk:CreateApplicationVersion {ctx.Seen.ApplicationName} {label}", ReleasePhase.ProvisioningGreen),
            ($"elasticbeanstalk:CreateEnvironment {green} from the BeanstalkApp's template, min {minimum} instances", ReleasePhase.ProvisioningGreen),
        ];
        if (ctx.UsesFrontend)
        {
            steps.Add(($"elasticloadbalancing:RegisterTargets target group {color.Label()} <- ALB of {green}", ReleasePhase.ProvisioningGreen));
        }

        var checks = string.Join(", ", GateRules.Checks(spec, ctx.UsesFrontend).Select(c => c.Name));
        steps.Add(($"health gate: {checks}; {gate.ConsecutiveSuccesses} passing rounds every {gate.IntervalSeconds}s", ReleasePhase.Verifying));
        steps.Add((spec.Strategy.AutoPromotion ? $"promote automatically after {spec.Strategy.AutoPromotionSeconds}s" : "wait for a promote signal", ReleasePhase.AwaitingPromotion));
        if (ctx.Cutover == CutoverMethod.NlbWeighted)
        {
            foreach (var step in spec.Strategy.Steps ?? [])
            {
                var watch = step.PauseSeconds is { } pause ? $"watch {pause}s" : "wait for promote";
                steps.Add(($"elasticloadbalancing:ModifyListener forward {color.Label()} {step.Weight}% / {color.Other().Label()} {100 - step.Weight}%, {watch}", ReleasePhase.CuttingOver));
            }
        }
        else if (blueEnvironment is not null)
        {
            steps.Add((ctx.UsesFrontend
                ? $"elasticloadbalancing:ModifyListener forward -> target group {color.Label()}"
                : $"elasticbeanstalk:SwapEnvironmentCNAMEs {blueEnvironment.Name} <-> {green}", ReleasePhase.CuttingOver));
        }

        steps.Add(($"bake {spec.Strategy.BakeSeconds}s: {checks}, {BakeRules.ErrorRateCheck} <= {gate.MaxErrorPercent}%", ReleasePhase.Baking));
        if (blueEnvironment is not null)
        {
            if (ctx.UsesFrontend)
            {
                steps.Add(($"elasticloadbalancing:DeregisterTargets target group {color.Other().Label()} -> ALB of {blueEnvironment.Name}", ReleasePhase.RetiringBlue));
            }

            steps.Add(($"elasticbeanstalk:TerminateEnvironment {blueEnvironment.Name}", ReleasePhase.RetiringBlue));
        }

        var plan = steps.Select(s => new PlanStep { Step = s.Step, Phase = s.DoneAfter, State = PlanStepState.Pending }).ToList();
        if (!spec.DryRun)
        {
            Advance(plan, ctx.Status);
        }

        return plan;
    }

    /// <summary>Sets each step's state from the phases the release went through: done, running, pending, or skipped once it ended.</summary>
    public static void Advance(List<PlanStep>? plan, BlueGreenReleaseStatus status)
    {
        if (plan is null || status.Phase is not { } phase)
        {
            return;
        }

        var reached = (status.Phases ?? []).Select(p => Order.GetValueOrDefault(p.Phase)).DefaultIfEmpty(0).Max();
        var ended = phase is ReleasePhase.Aborting or ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.SwitchingBack or ReleasePhase.Failed;
        foreach (var step in plan.Where(s => s.Phase is not null))
        {
            var order = Order.GetValueOrDefault(step.Phase!.Value);
            step.State = phase == ReleasePhase.Succeeded || order < reached ? PlanStepState.Done
                : order == reached && !ended ? PlanStepState.Running
                : order == reached ? PlanStepState.Failed
                : ended ? PlanStepState.Skipped
                : PlanStepState.Pending;
        }
    }

    private static readonly Dictionary<ReleasePhase, int> Order = new()
    {
        [ReleasePhase.ProvisioningGreen] = 1,
        [ReleasePhase.Verifying] = 2,
        [ReleasePhase.AwaitingPromotion] = 3,
        [ReleasePhase.CuttingOver] = 4,
        [ReleasePhase.Baking] = 5,
        [ReleasePhase.RetiringBlue] = 6,
        [ReleasePhase.Succeeded] = 7,
    };
}
