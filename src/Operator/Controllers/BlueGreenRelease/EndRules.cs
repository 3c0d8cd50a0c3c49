using System.Globalization;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>How releases end: abort (green removed after its retention), fail, succeed, and the history they leave.</summary>
internal static class EndRules
{
    public const int HistoryLimit = 10;

    /// <summary>Gives up a release before traffic moved to green; blue keeps serving.</summary>
    public static ReleaseDecision Abort(ReleaseContext ctx, string reason, string message)
    {
        ctx.Enter(ReleasePhase.Aborting, reason, message);
        return Aborting(ctx);
    }

    /// <summary>
    /// Takes green's ALB out of its target group (its open connections close), keeps green for
    /// abortGreenRetentionSeconds (none when superseded), then removes it and ends Aborted.
    /// </summary>
    public static ReleaseDecision Aborting(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var retention = status.Reason == ReleaseReasons.Superseded ? 0 : ctx.Spec.Strategy.AbortGreenRetentionSeconds;
        var notBefore = (status.PhaseSince ?? ctx.Now) + TimeSpan.FromSeconds(retention);
        var green = ctx.CandidateEnvironment;
        if (CloseCandidateConnections(ctx) is { } close)
        {
            return close;
        }

        if (ctx.Now < notBefore && green is not null)
        {
            return ctx.WaitUntil(notBefore, ctx.Timings.Poll,
                $"{ctx.PhaseMessage}; keeping {green.Name} for inspection until {Stamp(notBefore)}; blue keeps serving");
        }

        if (Retire(ctx, ctx.Candidate) is { } step)
        {
            return step;
        }

        var reason = status.Reason ?? ReleaseReasons.AbortRequested;
        Finish(ctx, ReleaseOutcome.Aborted, reason);
        ctx.Enter(ReleasePhase.Aborted, reason, $"release of {status.CandidateVersion} aborted ({reason}); {status.StableVersion ?? "nothing"} serves");
        return reason == ReleaseReasons.Superseded ? StartRules.Rest(ctx) : ctx.Wait(ctx.Timings.Poll, status.Message!);
    }

    /// <summary>
    /// Once the listener sends green no new connection (all of them to blue), takes green's ALB out of green's target
    /// group: the NLB closes the connections still open to it when the group's deregistration delay ends
    /// (<c>deregistration_delay.connection_termination.enabled</c>), so kept-alive clients reconnect to blue, while
    /// green's environment stays for its retention. Null when there is nothing to deregister.
    /// </summary>
    public static ReleaseDecision? CloseCandidateConnections(ReleaseContext ctx)
    {
        var green = ctx.Candidate;
        var seen = ctx.Seen;
        var listenerAvoidsGreen = seen.ListenerColor == green.Other() || (seen.ListenerColor != green && (seen.CandidateWeight ?? 0) == 0);
        if (!ctx.UsesFrontend || !listenerAvoidsGreen || !seen.RegisteredAlbs.TryGetValue(green, out var alb))
        {
            return null;
        }

        return ctx.Act(new DeregisterAlb(green, alb, CloseConnections: true), $"{ctx.PhaseMessage}; removing {green.Label()}'s ALB from its target group so that its open connections close");
    }

    /// <summary>Ends the release Failed: it cannot go on and there is nothing to fall back to.</summary>
    public static ReleaseDecision Fail(ReleaseContext ctx, string reason, string message)
    {
        Finish(ctx, ReleaseOutcome.Failed, reason);
        ctx.Enter(ReleasePhase.Failed, reason, message);
        return ctx.Wait(ctx.Timings.Poll, message);
    }

    /// <summary>Green is the new stable version.</summary>
    public static ReleaseDecision Succeed(ReleaseContext ctx)
    {
        var status = ctx.Status;
        Finish(ctx, ReleaseOutcome.Succeeded, ReleaseReasons.Released);
        status.StableVersion = status.CandidateVersion;
        status.CandidateVersion = null;
        status.ActiveColor = ctx.Candidate;
        ctx.Enter(ReleasePhase.Succeeded, ReleaseReasons.Released, $"{status.StableVersion} serves from {ctx.EnvironmentName(ctx.Candidate)}");
        return ctx.Wait(ctx.Timings.Poll, status.Message!);
    }

    /// <summary>
    /// One step of removing the environment of <paramref name="color"/> (which must not serve traffic): its ALB out of
    /// the target group, then terminate, then wait until EB says terminated. Null once it is gone.
    /// </summary>
    public static ReleaseDecision? Retire(ReleaseContext ctx, DeploymentColor color)
    {
        if (ctx.Status.ActiveColor == color)
        {
            throw new InvalidOperationException($"refusing to retire the {color.Label()} environment: it serves traffic");
        }

        var environment = ctx.Seen.Environment(color);
        if (ctx.UsesFrontend && ctx.Seen.RegisteredAlbs.TryGetValue(color, out var alb))
        {
            return ctx.Act(new DeregisterAlb(color, alb), $"removing {color.Label()}'s ALB from its target group");
        }

        if (ctx.UsesFrontend && ctx.Seen.DrainingAlbs.ContainsKey(color) && environment is not null)
        {
            // AWS refuses to delete a load balancer that is still a target (draining included) of a target group.
            return ctx.Wait(ctx.Timings.Busy, $"waiting for {color.Label()}'s ALB to finish draining from its target group");
        }

        if (environment is null)
        {
            return null;
        }

        if (environment.ReleaseNumber is null)
        {
            // Never terminate what this release did not create (a hand-built environment).
            return null;
        }

        return environment.IsTerminating
            ? ctx.Wait(ctx.Timings.Busy, $"waiting for {environment.Name} to terminate")
            : ctx.Act(new TerminateEnvironment(color, environment.Name), $"terminating {environment.Name}");
    }

    /// <summary>Adds the release to the history (newest first, at most <see cref="HistoryLimit"/>).</summary>
    public static void Finish(ReleaseContext ctx, ReleaseOutcome outcome, string reason)
    {
        var status = ctx.Status;
        var record = new ReleaseRecord
        {
            Version = status.CandidateVersion ?? ctx.Spec.Version.Label,
            Outcome = outcome,
            ReleaseNumber = status.ReleaseNumber,
            Reason = reason,
            PromotedBy = status.PromotedBy,
            StartedAt = status.StartedAt,
            FinishedAt = ctx.Now,
            PhaseSeconds = PhaseSeconds(status.Phases ?? [], ctx.Now),
        };
        status.History ??= [];
        status.History.Insert(0, record);
        if (status.History.Count > HistoryLimit)
        {
            status.History.RemoveRange(HistoryLimit, status.History.Count - HistoryLimit);
        }

        ctx.Note(outcome == ReleaseOutcome.Succeeded ? "Normal" : "Warning", "Release" + outcome, $"release {record.ReleaseNumber} of {record.Version}: {outcome} ({reason})");
    }

    private static Dictionary<string, long> PhaseSeconds(List<PhaseTiming> phases, DateTimeOffset now)
    {
        var seconds = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < phases.Count; i++)
        {
            var end = i + 1 < phases.Count ? phases[i + 1].At : now;
            var name = phases[i].Phase.ToString();
            seconds[name] = seconds.GetValueOrDefault(name) + (long)(end - phases[i].At).TotalSeconds;
        }

        return seconds;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
