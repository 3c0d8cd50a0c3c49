using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>
/// The end of a pass: conditions that say what ebops waits for, and when to look again. A blocking wait keeps the
/// object Reconciling (Ready=False); a non-blocking one leaves it Ready with Synced=False naming it; paused says so.
/// </summary>
internal static class RdsConditions
{
    public const string DriftCorrected = "DriftCorrected";

    public static ReconcileResult Finish(RdsReconcile ctx)
    {
        var entity = ctx.Entity;
        var time = ctx.Time;
        var blocking = ctx.Waits.Where(w => w.Blocking).ToList();
        var soft = ctx.Waits.Where(w => !w.Blocking).ToList();
        if (blocking.Count > 0)
        {
            var message = string.Join("; ", blocking.Select(w => w.Message));
            Conditions.MarkReconciling(entity, time, blocking[0].Reason, message);
            if (ctx.Paused)
            {
                SyncConditions.MarkPaused(entity, time, PausedMessage(ctx));
            }
            else if (ctx.Corrected.Count > 0)
            {
                SyncConditions.MarkOutOfSync(entity, time, SyncConditions.Updating, "applying " + string.Join(", ", ctx.Corrected.Distinct(StringComparer.Ordinal)));
            }
            else
            {
                SyncConditions.MarkOutOfSync(entity, time, blocking[0].Reason, message);
            }

            return ReconcileResult.RequeueAfter(blocking.Min(w => w.Requeue), blocking[0].Reason);
        }

        Conditions.MarkReady(entity, time);
        if (ctx.Paused)
        {
            SyncConditions.MarkPaused(entity, time, PausedMessage(ctx));
        }
        else if (soft.Count > 0)
        {
            SyncConditions.MarkOutOfSync(entity, time, soft[0].Reason, string.Join("; ", soft.Select(w => w.Message)));
        }
        else if (ctx.Corrected.Count > 0 && !ctx.SpecChanged)
        {
            Conditions.Set(entity, time, ConditionTypes.Synced, ConditionStatus.True, DriftCorrected,
                "corrected drift in " + string.Join(", ", ctx.Corrected.Distinct(StringComparer.Ordinal)));
        }
        else
        {
            SyncConditions.MarkSynced(entity, time);
        }

        var next = soft.Select(w => w.Requeue).Append(ctx.Policy.PollInterval).Min();
        return ReconcileResult.RequeueAfter(next, soft.Count > 0 ? soft[0].Reason : "poll");
    }

    private static string PausedMessage(RdsReconcile ctx) => ctx.PausedDifferences.Count == 0
        ? "paused (ebops.io/paused): ebops changes nothing in AWS"
        : "paused (ebops.io/paused): ebops changes nothing in AWS; differs: " + string.Join(", ", ctx.PausedDifferences.Distinct(StringComparer.Ordinal));
}
