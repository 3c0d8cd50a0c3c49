using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// The runtime's <see cref="IStatusCheckpoint{T}"/>, one per reconcile scope: the controller service binds it to the
/// reconcile before the controller runs.
/// </summary>
internal sealed class StatusCheckpoint<T> : IStatusCheckpoint<T>
    where T : ICustomResource
{
    private Func<T, CancellationToken, Task<bool>>? save;

    /// <summary>Called by the controller service for the reconcile this scope serves.</summary>
    public void Bind(Func<T, CancellationToken, Task<bool>> write) => save = write;

    public Task<bool> SaveAsync(T entity, CancellationToken cancellationToken) =>
        save is { } write
            ? write(entity, cancellationToken)
            : throw new InvalidOperationException($"{typeof(T).Name} status checkpoints work only inside a reconcile run by the runtime.");
}
