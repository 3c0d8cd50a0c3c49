using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers;

/// <summary>
/// The <c>Synced</c> condition (AWS matches the spec) and the reasons every controller uses for it. Ready, Reconciling
/// and Stalled come from <see cref="Conditions"/>.
/// </summary>
public static class SyncConditions
{
    public const string InSync = "InSync";
    public const string DriftDetected = "DriftDetected";
    public const string Paused = "Paused";
    public const string Updating = "Updating";

    /// <summary>Synced=True: the last look at AWS found what the spec asks for.</summary>
    public static void MarkSynced(ICustomResource entity, TimeProvider time) =>
        Conditions.Set(entity, time, ConditionTypes.Synced, ConditionStatus.True, InSync, null);

    /// <summary>Synced=False naming what differs; <paramref name="message"/> must hold no secret values.</summary>
    public static void MarkOutOfSync(ICustomResource entity, TimeProvider time, string reason, string message) =>
        Conditions.Set(entity, time, ConditionTypes.Synced, ConditionStatus.False, reason, message);

    /// <summary><c>ebops.io/paused</c>: nothing is written to AWS; the conditions say so.</summary>
    public static void MarkPaused(ICustomResource entity, TimeProvider time, string message) =>
        Conditions.Set(entity, time, ConditionTypes.Synced, ConditionStatus.Unknown, Paused, message);
}
