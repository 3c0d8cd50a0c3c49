using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Between releases (no phase yet, Idle, Succeeded, Aborted, RolledBack, Failed): finish a pending termination, adopt a
/// hand-built environment on first sight, and start a release when spec.version (or the app's configuration) differs
/// from what serves — unless the last release of that version ended badly (then only a retry or a new version starts).
/// </summary>
internal static class StartRules
{
    public static bool IsRest(ReleasePhase? phase) => phase is null or ReleasePhase.Idle or ReleasePhase.Succeeded
        or ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.Failed;

    /// <summary>
    /// The last release of spec.version ended badly and spec.version is not what serves: nothing starts until a retry
    /// signal or a new version (so a release at rest like this reads from the snapshots, as a succeeded one does).
    /// </summary>
    public static bool WaitsAfterFailure(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status) =>
        status.Phase is ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.Failed
        && spec.Version.Label == status.CandidateVersion && spec.Version.Label != status.StableVersion;

    public static ReleaseDecision Rest(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var desired = ctx.Spec.Version.Label;
        if (ctx.Spec.DryRun)
        {
            status.Plan = PlanBuilder.Build(ctx, ctx.Active?.Other() ?? DeploymentColor.Blue, desired);
            status.Reason = ReleaseReasons.DryRun;
            return ctx.Wait(ctx.Timings.Poll, $"dry run: status.plan lists the AWS steps releasing {desired} would take; nothing was changed");
        }

        if (status.PendingTermination is { } pending && PendingStep(ctx, pending) is { } step)
        {
            return step;
        }

        Adopt(ctx);
        var endedBadly = status.Phase is ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.Failed;
        var sender = ctx.SignalSender;
        if (endedBadly && DependencyWait(ctx) is null && ctx.Take(ReleaseSignal.Retry))
        {
            return Start(ctx, ReleaseReasons.RetryRequested, $"retry requested by {sender}");
        }

        var active = ctx.ActiveEnvironment;
        if (desired == status.StableVersion && status.ActiveColor is not null)
        {
            if (active is null)
            {
                return Start(ctx, ReleaseReasons.ActiveEnvironmentMissing, $"the {status.ActiveColor.Value.Label()} environment serving {desired} is gone; provisioning it again");
            }

            if (ctx.Seen.AppConfigurationHash is { } wanted && active.ConfigurationHash is { } running && wanted != running)
            {
                return Start(ctx, ReleaseReasons.ConfigurationChanged, $"the BeanstalkApp's configuration changed; releasing {desired} with it");
            }

            return ctx.Wait(ctx.Timings.Poll, $"{desired} serves from {active.Name}");
        }

        if (endedBadly && desired == status.CandidateVersion)
        {
            return ctx.Wait(ctx.Timings.Poll,
                $"the release of {desired} ended {status.Phase} ({status.Reason}); {status.StableVersion ?? "nothing"} serves. Change spec.version or send a retry signal");
        }

        return Start(ctx, ReleaseReasons.NewVersion, $"releasing {desired}");
    }

    /// <summary>Begins release number N+1 of spec.version into the colour that does not serve.</summary>
    public static ReleaseDecision Start(ReleaseContext ctx, string reason, string message)
    {
        if (DependencyWait(ctx) is { } wait)
        {
            return wait;
        }

        var status = ctx.Status;
        var color = status.ActiveColor?.Other() ?? DeploymentColor.Blue;
        status.ReleaseNumber = (status.ReleaseNumber ?? 0) + 1;
        status.CandidateVersion = ctx.Spec.Version.Label;
        status.CandidateColor = color;
        status.StartedAt = ctx.Now;
        status.Phases = [];
        status.PromotedBy = null;
        status.PauseReason = null;
        status.Gate = GateRules.Fresh(GateRules.Checks(ctx.Spec, ctx.UsesFrontend), ctx.Spec.HealthGate);
        if (status.PendingTermination?.Color == color)
        {
            // The new release removes the leftover environment itself before creating its own.
            status.PendingTermination = null;
        }

        status.Traffic ??= new TrafficStatus();
        status.Traffic.ProductionCname = ctx.ActiveEnvironment?.Cname;
        // The steps belong to one release: the previous one's (which ended at its last step) must not carry over, or
        // this release would start at 100% and skip its canary. Green (the candidate) has no share yet.
        status.Traffic.Step = null;
        status.Traffic.Steps = null;
        status.Traffic.GreenWeight = ctx.Cutover == CutoverMethod.NlbWeighted && ctx.ActiveEnvironment is not null ? 0 : null;
        status.Plan = PlanBuilder.Build(ctx, color, status.CandidateVersion);
        ctx.Enter(ReleasePhase.ProvisioningGreen, reason, $"{message} into {ctx.EnvironmentName(color)}");
        return ProvisionRules.Provisioning(ctx);
    }

    /// <summary>
    /// A release starts only once the app (and, for an NLB cut-over, the frontend) is Ready: until then nothing of it
    /// can be done, and its progress deadline must not run out while they are still being created (a fleet created at
    /// once waits for AWS's account-wide create rates, e.g. CreateLoadBalancer's). Null when both are Ready.
    /// </summary>
    private static ReleaseDecision? DependencyWait(ReleaseContext ctx) =>
        ctx.UnreadyDependency is { } dependency
            ? ctx.Wait(ctx.Timings.Dependency, $"{ctx.Spec.Version.Label} starts once {dependency.What} " + (dependency.Missing ? "exists and is Ready" : "is Ready"))
            : null;

    private static ReleaseDecision? PendingStep(ReleaseContext ctx, PendingTermination pending)
    {
        if (ctx.Now < pending.NotBefore)
        {
            // Nothing to do yet; a new version may still start meanwhile.
            return null;
        }

        if (EndRules.Retire(ctx, pending.Color) is { } step)
        {
            return step;
        }

        ctx.Status.PendingTermination = null;
        return null;
    }

    /// <summary>
    /// The first time a release looks at an app that already runs an environment nobody released (built by hand or by
    /// CI), it takes that environment as the active one instead of ever touching it.
    /// </summary>
    private static void Adopt(ReleaseContext ctx)
    {
        var status = ctx.Status;
        if (status.ActiveColor is not null || status.Phase is not null)
        {
            return;
        }

        var candidates = ctx.Seen.Environments.Values.Where(e => !e.IsGone && e.IsReady && e.ReleaseNumber is null).ToList();
        if (candidates.Count != 1)
        {
            return;
        }

        var adopted = candidates[0];
        status.ActiveColor = adopted.Color;
        status.StableVersion = adopted.VersionLabel;
        status.Reason = ReleaseReasons.AdoptedEnvironment;
        ctx.Note("Normal", ReleaseReasons.AdoptedEnvironment, $"{adopted.Name} ({adopted.VersionLabel}) serves and is taken as the active environment");
    }
}
