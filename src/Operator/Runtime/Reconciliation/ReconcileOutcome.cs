namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>How one reconcile of a key ended. <see cref="ReconcileOutcomes.MetricLabel"/> names it in metrics.</summary>
public enum ReconcileOutcome
{
    /// <summary>Reconciled; nothing more until something changes or the resync.</summary>
    Done,

    /// <summary>Reconciled; queued again after the delay the controller asked for.</summary>
    Requeued,

    /// <summary>A transient error; queued again with per-key backoff.</summary>
    Failed,

    /// <summary>A write's resourceVersion precondition failed (409): queued again at once, read live once.</summary>
    Conflict,

    /// <summary>A terminal error: Stalled=True until the generation or a referenced object changes.</summary>
    Stalled,

    /// <summary>Stalled=True at this generation and no referenced object changed: skipped.</summary>
    StalledSkipped,

    /// <summary>The object no longer exists.</summary>
    NotFound,

    /// <summary>Being deleted and carrying none of our finalizers: nothing to do.</summary>
    Deleting,

    /// <summary>Cleanup confirmed and the finalizer removed.</summary>
    Finalized,

    /// <summary>Cancelled by shutdown.</summary>
    Cancelled,
}
