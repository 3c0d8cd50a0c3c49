using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// ProvisioningGreen: the bundle must exist, the application version is created, the green environment is created
/// from the app's template with at least blue's instance count, and (NlbSwitch) its ALB is registered in its colour's
/// target group. Then the gate starts.
/// </summary>
internal static class ProvisionRules
{
    public static ReleaseDecision Provisioning(ReleaseContext ctx)
    {
        if (BeforeCutoverExit(ctx) is { } exit)
        {
            return exit;
        }

        var seen = ctx.Seen;
        if (ctx.UnreadyDependency is { } dependency)
        {
            return ctx.Wait(ctx.Timings.Dependency, $"waiting for {dependency.What}" + (dependency.Missing ? ": it does not exist" : " to be Ready"));
        }

        var version = ctx.Spec.Version;
        if (seen.VersionExists == false)
        {
            var bundle = version.SourceBundle;
            return seen.BundleExists == false
                ? ctx.StallOn("spec.version.sourceBundle", $"s3://{bundle.S3Bucket}/{bundle.S3Key} does not exist (or is not readable)", ReleaseReasons.BundleNotFound)
                : ctx.Act(new CreateApplicationVersion(version.Label, bundle.S3Bucket, bundle.S3Key), $"creating application version {version.Label}");
        }

        return Environment(ctx);
    }

    /// <summary>What ends a release before its cut-over: a newer spec.version, an abort signal, the progress deadline.</summary>
    public static ReleaseDecision? BeforeCutoverExit(ReleaseContext ctx)
    {
        var status = ctx.Status;
        if (ctx.Spec.Version.Label != status.CandidateVersion)
        {
            return EndRules.Abort(ctx, ReleaseReasons.Superseded, $"superseded by {ctx.Spec.Version.Label} before the cut-over");
        }

        var sender = ctx.SignalSender;
        if (ctx.Take(ReleaseSignal.Abort))
        {
            return EndRules.Abort(ctx, ReleaseReasons.AbortRequested, $"abort requested by {sender}");
        }

        var deadline = (status.StartedAt ?? ctx.Now) + TimeSpan.FromSeconds(ctx.Spec.Strategy.ProgressDeadlineSeconds);
        if (status.Phase is ReleasePhase.ProvisioningGreen or ReleasePhase.Verifying && ctx.Now >= deadline)
        {
            return EndRules.Abort(ctx, ReleaseReasons.ProgressDeadlineExceeded,
                $"green was not verified within {ctx.Spec.Strategy.ProgressDeadlineSeconds}s (last: {status.Message})");
        }

        return null;
    }

    private static ReleaseDecision Environment(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var color = ctx.Candidate;
        var name = ctx.EnvironmentName(color);
        var green = ctx.CandidateEnvironment;
        if (green is not null && (green.ReleaseNumber != status.ReleaseNumber || green.VersionLabel != status.CandidateVersion))
        {
            if (green.ReleaseNumber is null)
            {
                return ctx.StallOn("spec.appRef",
                    $"environment {green.Name} exists and was not created by this release; delete or rename it so the {color.Label()} slot is free",
                    ReleaseReasons.EnvironmentConflict);
            }

            return green.IsTerminating
                ? ctx.Wait(ctx.Timings.Busy, $"waiting for the leftover {green.Name} to terminate")
                : ctx.Act(new TerminateEnvironment(color, green.Name), $"terminating {green.Name} left by release {green.ReleaseNumber}");
        }

        if (green is null)
        {
            var minimum = Math.Max(ctx.ActiveEnvironment?.InstanceCount ?? 0, ctx.Seen.AppMinInstances);
            return ctx.Act(new CreateEnvironment(color, name, status.CandidateVersion!, minimum, status.ReleaseNumber ?? 1),
                $"creating {name} with {status.CandidateVersion} and at least {minimum} instances");
        }

        if (green.IsTerminating)
        {
            return EndRules.Abort(ctx, ReleaseReasons.GreenFailed, $"{green.Name} is terminating before it was verified");
        }

        if (!green.IsReady)
        {
            return ctx.Wait(ctx.Timings.Busy, $"waiting for {green.Name}: {green.Status}");
        }

        if (ctx.UsesFrontend && Registration(ctx, green) is { } registering)
        {
            return registering;
        }

        status.Gate = GateRules.Fresh(GateRules.Checks(ctx.Spec, ctx.UsesFrontend), ctx.Spec.HealthGate);
        ctx.Enter(ReleasePhase.Verifying, ReleaseReasons.GreenReady, $"{green.Name} is Ready; running the health gate");
        return ctx.Wait(TimeSpan.Zero, status.Message!);
    }

    private static ReleaseDecision? Registration(ReleaseContext ctx, EnvironmentView green)
    {
        if (green.AlbArn is null)
        {
            return ctx.Wait(ctx.Timings.Busy, $"waiting for the ALB of {green.Name}");
        }

        ctx.Seen.RegisteredAlbs.TryGetValue(green.Color, out var registered);
        if (registered == green.AlbArn)
        {
            // AWS health-checks only target groups a listener forwards to: green's joins the forward at weight 0 (no
            // traffic) so its target health can be verified before the cut-over.
            return ctx.Seen.CandidateWeight is null
                ? ctx.Act(new SetWeights(green.Color, 0), $"adding the {green.Color.Label()} target group to the listener at weight 0 so AWS health-checks it")
                : null;
        }

        if (registered is null && ctx.Seen.DrainingAlbs.TryGetValue(green.Color, out var draining) && draining != green.AlbArn)
        {
            // An alb-type target group takes one ALB, draining ones included.
            return ctx.Wait(ctx.Timings.Busy, $"waiting for the previous ALB to finish draining from the {green.Color.Label()} target group");
        }

        return registered is not null
            ? ctx.Act(new DeregisterAlb(green.Color, registered), $"removing a stale ALB from the {green.Color.Label()} target group")
            : ctx.Act(new RegisterAlb(green.Color, green.AlbArn), $"registering {green.Name}'s ALB in the {green.Color.Label()} target group");
    }
}
