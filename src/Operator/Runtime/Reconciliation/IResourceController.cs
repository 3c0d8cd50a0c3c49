using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// A controller for one kind (KubeOps-shaped). The runtime re-reads the object before each call, so the entity is
/// fresh; calls for the same object never overlap. Mutate <c>entity.Status</c> (conditions via
/// <see cref="Status.Conditions"/>): the runtime writes it through /status afterwards, only when it changed.
/// Return <see cref="ReconcileResult"/> for expected outcomes; throw <see cref="TerminalException"/> for errors that
/// retrying cannot fix (Stalled=True, no retry until the spec or a referenced Secret changes); any other exception is
/// transient and retried with per-object exponential backoff.
/// </summary>
public interface IResourceController<in T>
    where T : ICustomResource
{
    /// <summary>Level-triggered: bring the world in line with the spec. Called while the object is not being deleted.</summary>
    Task<ReconcileResult> ReconcileAsync(T entity, CancellationToken cancellationToken);

    /// <summary>
    /// Cleanup while the object is being deleted and still carries the controller's finalizer. Return
    /// <see cref="ReconcileResult.Done"/> only once cleanup is confirmed (a read says the external object is gone);
    /// the runtime then removes the finalizer.
    /// </summary>
    Task<ReconcileResult> FinalizeAsync(T entity, CancellationToken cancellationToken);
}
