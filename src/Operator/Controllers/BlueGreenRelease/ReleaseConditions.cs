using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The conditions of a release after a decision: Ready=True only once spec.version is the stable version and serves;
/// Reconciling=True with the phase while a release runs; a release that ended Aborted, RolledBack or Failed is neither
/// Ready nor Reconciling (it waits for a new version or a retry), with the reason it ended.
/// </summary>
internal static class ReleaseConditions
{
    public const string Releasing = "Releasing";
    public const string NotReleased = "NotReleased";

    public static void Apply(Entities.BlueGreenRelease release, ReleaseDecision decision, TimeProvider time)
    {
        var status = release.Status!;
        var message = status.Message ?? "";
        if (!StartRules.IsRest(status.Phase) || decision.Action is not null)
        {
            var reason = status.Phase is { } phase && !StartRules.IsRest(phase) ? phase.ToString() : status.Reason ?? Releasing;
            Conditions.MarkReconciling(release, time, reason, message);
            SyncConditions.MarkOutOfSync(release, time, Releasing, $"{status.Phase}: {message}");
        }
        else if (status.StableVersion is { } stable && stable == release.Spec.Version.Label && status.ActiveColor is not null)
        {
            Conditions.MarkReady(release, time, ReleaseReasons.Released, message);
            SyncConditions.MarkSynced(release, time);
        }
        else
        {
            var reason = status.Reason ?? NotReleased;
            Conditions.MarkNotReady(release, time, reason, message);
            Conditions.Set(release, time, ConditionTypes.Reconciling, ConditionStatus.False, reason, message);
            SyncConditions.MarkOutOfSync(release, time, reason, message);
        }
    }
}
