namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>The one place an outcome becomes the <c>result</c> label of <c>ebops_reconcile_total</c> (a public contract).</summary>
public static class ReconcileOutcomes
{
    public static string MetricLabel(this ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Done => "done",
        ReconcileOutcome.Requeued => "requeue",
        ReconcileOutcome.Failed => "error",
        ReconcileOutcome.Conflict => "conflict",
        ReconcileOutcome.Stalled => "stalled",
        ReconcileOutcome.StalledSkipped => "stalled_skipped",
        ReconcileOutcome.NotFound => "not_found",
        ReconcileOutcome.Deleting => "deleting",
        ReconcileOutcome.Finalized => "finalized",
        ReconcileOutcome.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
