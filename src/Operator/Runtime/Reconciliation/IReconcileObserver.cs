namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>Optional (registered in DI): hears how every reconcile ended, after its metrics are recorded.</summary>
internal interface IReconcileObserver
{
    void Processed(string kind, ResourceKey key, ReconcileOutcome outcome);
}
