using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Writes an object's status in the middle of a reconcile, for a controller that must persist a decision before it
/// acts on the outside world (a release writes its new phase before the AWS call of that phase). Inject it into the
/// controller; it works only inside a reconcile of <typeparamref name="T"/> run by the runtime.
/// </summary>
public interface IStatusCheckpoint<in T>
    where T : ICustomResource
{
    /// <summary>
    /// Writes <c>entity.Status</c> through /status now when it differs from what was last read or written (with the
    /// resourceVersion of that read or write as a precondition: a stale object fails with 409 and nothing else of the
    /// reconcile should happen). Returns true when it wrote; the entity then carries the new resourceVersion, and the
    /// runtime's write at the end of the reconcile compares with this write.
    /// </summary>
    Task<bool> SaveAsync(T entity, CancellationToken cancellationToken);
}
