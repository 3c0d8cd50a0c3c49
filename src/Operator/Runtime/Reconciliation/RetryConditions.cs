using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Makes retries visible while they last: a reconcile that failed with a <see cref="RetryReason"/> leaves
/// Reconciling=True with that reason (Ready and Stalled untouched); the first reconcile that succeeds afterwards turns
/// it to Reconciling=False (<see cref="RecoveredReason"/>) unless the controller set Reconciling itself in that pass.
/// </summary>
public static class RetryConditions
{
    public const string RecoveredReason = "Recovered";

    private const string Suffix = "; retrying with backoff";

    /// <summary>Reconciling=True with <paramref name="reason"/>; nothing when there is none.</summary>
    public static void Mark(ICustomResource entity, TimeProvider time, RetryReason? reason)
    {
        if (reason is not null)
        {
            Conditions.Set(entity, time, ConditionTypes.Reconciling, ConditionStatus.True, reason.Reason, reason.Message + Suffix);
        }
    }

    /// <summary>After a successful reconcile: a Reconciling=True still showing a retry becomes Reconciling=False.</summary>
    public static void Clear(ICustomResource entity, TimeProvider time)
    {
        if (Conditions.Find(entity.StatusBase, ConditionTypes.Reconciling) is { Status: ConditionStatus.True } reconciling
            && reconciling.Message?.EndsWith(Suffix, StringComparison.Ordinal) == true)
        {
            Conditions.Set(entity, time, ConditionTypes.Reconciling, ConditionStatus.False, RecoveredReason,
                "the last reconcile succeeded after " + reconciling.Reason);
        }
    }
}
