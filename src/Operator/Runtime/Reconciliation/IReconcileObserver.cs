namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>Optional (registered in DI): hears how every reconcile a worker ran ended, after its metrics are recorded and
/// its key was released by the queue (a re-queued key may already be waiting for a worker again).</summary>
internal interface IReconcileObserver
{
    void Processed(string kind, ResourceKey key, ReconcileOutcome outcome);
}
