using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Status;

/// <summary>
/// Condition helpers with apimachinery's SetStatusCondition semantics (lastTransitionTime changes only when the status
/// flips; reason, message and observedGeneration are always refreshed) plus the kstatus trio Ready / Reconciling /
/// Stalled, every condition stamped with the object's metadata.generation.
/// </summary>
public static class Conditions
{
    public static Condition? Find(ResourceStatus? status, string type) =>
        status?.Conditions?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal));

    public static bool IsTrue(ResourceStatus? status, string type) => Find(status, type)?.Status == ConditionStatus.True;

    /// <summary>Adds or updates a condition; returns true when anything about it changed.</summary>
    public static bool Set(ResourceStatus status, string type, string conditionStatus, string reason, string? message, long? observedGeneration, DateTimeOffset now)
    {
        status.Conditions ??= [];
        // metav1.Time has second precision; keeping ours the same makes written and re-read values compare equal.
        var stamp = new DateTimeOffset(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var existing = Find(status, type);
        if (existing is null)
        {
            status.Conditions.Add(new Condition
            {
                Type = type,
                Status = conditionStatus,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = stamp,
            });
            return true;
        }

        var changed = false;
        if (existing.Status != conditionStatus)
        {
            existing.Status = conditionStatus;
            existing.LastTransitionTime = stamp;
            changed = true;
        }

        if (existing.LastTransitionTime is null)
        {
            existing.LastTransitionTime = stamp;
            changed = true;
        }

        changed |= existing.Reason != reason || existing.Message != message || existing.ObservedGeneration != observedGeneration;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = observedGeneration;
        return changed;
    }

    /// <summary>Removes a condition; returns true when it was there.</summary>
    public static bool Remove(ResourceStatus status, string type) =>
        status.Conditions?.RemoveAll(c => string.Equals(c.Type, type, StringComparison.Ordinal)) > 0;

    /// <summary>Sets one condition on the entity (creating its status when needed), stamped with its generation.</summary>
    public static bool Set(ICustomResource entity, TimeProvider time, string type, string conditionStatus, string reason, string? message = null) =>
        Set(StatusAccessor.Ensure(entity), type, conditionStatus, reason, message, entity.Metadata.Generation, time.GetUtcNow());

    /// <summary>kstatus "in progress": Reconciling=True and Ready=False (set early, before slow work), Stalled=False.</summary>
    public static void MarkReconciling(ICustomResource entity, TimeProvider time, string reason, string message)
    {
        Set(entity, time, ConditionTypes.Reconciling, ConditionStatus.True, reason, message);
        Set(entity, time, ConditionTypes.Ready, ConditionStatus.False, reason, message);
        ClearStalled(entity, time);
    }

    /// <summary>kstatus "current": Ready=True, Reconciling=False, Stalled=False.</summary>
    public static void MarkReady(ICustomResource entity, TimeProvider time, string reason = "Reconciled", string? message = null)
    {
        Set(entity, time, ConditionTypes.Ready, ConditionStatus.True, reason, message);
        Set(entity, time, ConditionTypes.Reconciling, ConditionStatus.False, reason, message);
        ClearStalled(entity, time);
    }

    /// <summary>Ready=False without claiming progress (for example while waiting on a dependency).</summary>
    public static void MarkNotReady(ICustomResource entity, TimeProvider time, string reason, string message) =>
        Set(entity, time, ConditionTypes.Ready, ConditionStatus.False, reason, message);

    /// <summary>kstatus "failed": Stalled=True with the message, Ready=False, Reconciling=False. The message must not hold secrets.</summary>
    public static void MarkStalled(ICustomResource entity, TimeProvider time, string reason, string message)
    {
        Set(entity, time, ConditionTypes.Stalled, ConditionStatus.True, reason, message);
        Set(entity, time, ConditionTypes.Ready, ConditionStatus.False, reason, message);
        Set(entity, time, ConditionTypes.Reconciling, ConditionStatus.False, reason, message);
    }

    /// <summary>Turns a present Stalled=True into Stalled=False (an absent Stalled stays absent).</summary>
    public static void ClearStalled(ICustomResource entity, TimeProvider time)
    {
        if (Find(entity.StatusBase, ConditionTypes.Stalled) is { Status: not ConditionStatus.False })
        {
            Set(entity, time, ConditionTypes.Stalled, ConditionStatus.False, "Recovered", null);
        }
    }
}
