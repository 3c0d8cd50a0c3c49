using System.Globalization;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The release state machine as a pure function of (spec, status, observed AWS state, now): it changes
/// the status in place and returns at most one AWS action. No I/O happens here; the controller
/// observes before and executes after (writing the status, with the new phase, before the action).
/// <code>
/// ProvisioningGreen → Verifying → AwaitingPromotion → CuttingOver → Baking → RetiringBlue → Succeeded
///        ↘ Aborting → Aborted (before cut-over)      Baking/RetiringBlue ↘ SwitchingBack → RolledBack
/// </code>
/// </summary>
public static class ReleasePlanner
{
    public static ReleaseDecision Decide(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status, ReleaseObservation seen, DateTimeOffset now, ReleaseTimings timings)
    {
        var ctx = new ReleaseContext(spec, status, seen, now, timings);
        if (seen.Signal is { } signal && signal.Id != status.LastSignalId)
        {
            status.LastSignalId = signal.Id;
            ctx.Signal = signal;
        }

        var decision = Step(ctx);
        if (ctx.Signal is { } unused)
        {
            ctx.Note("Warning", "SignalIgnored", $"{unused.Signal.ToString().ToLowerInvariant()} does not apply in phase {status.Phase}");
        }

        if (!spec.DryRun)
        {
            PlanBuilder.Advance(status.Plan, status);
        }

        UpdateExtraCapacity(ctx);
        return decision with { Events = ctx.Events };
    }

    /// <summary>
    /// The BlueGreenRelease is being deleted: the next step of leaving only the serving environment, or no action (and
    /// no requeue) once nothing else this release created remains.
    /// </summary>
    public static ReleaseDecision Finalize(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status, ReleaseObservation seen, DateTimeOffset now, ReleaseTimings timings)
    {
        var ctx = new ReleaseContext(spec, status, seen, now, timings);
        var decision = FinalizeRules.Finalizing(ctx);
        return decision with { Events = ctx.Events };
    }

    /// <summary>True when the observer should measure a gate round now.</summary>
    public static bool GateRoundDue(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status, DateTimeOffset now) =>
        (GateRules.Measures(status.Phase) || (status.Phase == ReleasePhase.CuttingOver && spec.Strategy.Cutover == CutoverMethod.NlbWeighted))
        && (status.Gate?.LastRoundAt is not { } last || now >= last + TimeSpan.FromSeconds(spec.HealthGate.IntervalSeconds));

    /// <summary>True when the observer should also compare green with blue (weighted steps).</summary>
    public static bool ComparisonDue(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status, DateTimeOffset now) =>
        status.Phase == ReleasePhase.CuttingOver && spec.Strategy.Cutover == CutoverMethod.NlbWeighted && GateRoundDue(spec, status, now);

    /// <summary>The checks a gate round measures in the current phase (a bake adds the error rate).</summary>
    public static IReadOnlyList<HealthGateCheck> ChecksToMeasure(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status)
    {
        var ctx = new ReleaseContext(spec, status, new ReleaseObservation { ApplicationName = "" }, DateTimeOffset.MinValue, new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
        return status.Phase == ReleasePhase.Baking ? BakeRules.Checks(ctx) : GateRules.Checks(spec, ctx.UsesFrontend);
    }

    private static ReleaseDecision Step(ReleaseContext ctx) => ctx.Status.Phase switch
    {
        ReleasePhase.ProvisioningGreen => ProvisionRules.Provisioning(ctx),
        ReleasePhase.Verifying => VerifyRules.Verifying(ctx),
        ReleasePhase.AwaitingPromotion => VerifyRules.AwaitingPromotion(ctx),
        ReleasePhase.CuttingOver => ctx.Cutover == CutoverMethod.NlbWeighted ? WeightedRules.Shifting(ctx) : CutoverRules.CuttingOver(ctx),
        ReleasePhase.Baking => BakeRules.Baking(ctx),
        ReleasePhase.SwitchingBack => CutoverRules.SwitchingBack(ctx),
        ReleasePhase.RetiringBlue => BakeRules.RetiringBlue(ctx),
        ReleasePhase.Aborting => EndRules.Aborting(ctx),
        _ => StartRules.Rest(ctx),
    };

    private static void UpdateExtraCapacity(ReleaseContext ctx)
    {
        var status = ctx.Status;
        var spare = status.ActiveColor is { } active ? ctx.Seen.Environment(active.Other()) : null;
        if (status.ActiveColor is null || spare is null || ctx.Seen.Environment(status.ActiveColor) is null)
        {
            status.ExtraCapacity = null;
            return;
        }

        status.ExtraCapacity ??= new ExtraCapacityStatus { Since = ctx.Now };
        status.ExtraCapacity.Instances = spare.InstanceCount;
        status.ExtraCapacity.HourlyCost = decimal.TryParse(ctx.Spec.Strategy.InstanceHourlyPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
            ? (price * spare.InstanceCount).ToString("0.####", CultureInfo.InvariantCulture)
            : null;
    }
}
