using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>The trivial controller: Ready=True at the current generation, the size in status.note; finalizing succeeds at once.</summary>
public sealed class ReadyController(ReconcileLog log, TimeProvider time) : IResourceController<Widget>
{
    public Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        log.Reconciled.Enqueue((entity.Metadata.Name, entity.Metadata.Generation ?? 0));
        Conditions.MarkReady(entity, time, "Reconciled", "the widget is ready");
        entity.Status!.Note = $"size {entity.Spec.Size}";
        return Task.FromResult(ReconcileResult.Done);
    }

    public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken)
    {
        log.Finalized.Enqueue(entity.Metadata.Name);
        return Task.FromResult(ReconcileResult.Done);
    }
}
