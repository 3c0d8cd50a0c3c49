using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Makes retries visible: a reconcile that failed with an <see cref="IRetryReason"/> (AWS throttling, an outage, a 5xx)
/// leaves Reconciling=True with that reason (Ready and Stalled untouched), and the first reconcile that succeeds
/// afterwards turns it back to Reconciling=False unless the controller set Reconciling itself in that pass.
/// </summary>
public static class RetryConditions
{
    public const string RecoveredReason = "Recovered";

    private const string Suffix = "; retrying with backoff";

    /// <summary>Marks the entity when <paramref name="error"/> (or an inner exception) says why it is retried; false otherwise.</summary>
    public static bool Mark(ICustomResource entity, TimeProvider time, Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is IRetryReason cause)
            {
                Conditions.Set(entity, time, ConditionTypes.Reconciling, ConditionStatus.True, cause.Reason, cause.UserMessage + Suffix);
                return true;
            }
        }

        return false;
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
