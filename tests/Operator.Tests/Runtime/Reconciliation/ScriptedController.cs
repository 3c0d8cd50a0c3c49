using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

/// <summary>A controller whose reconcile and finalize the test scripts; it references the Secret in spec.secretName.</summary>
internal sealed class ScriptedController(TimeProvider time) : IResourceController<Widget>, IReferences<Widget>
{
    public Func<Widget, ReconcileResult> OnReconcile { get; set; } = w =>
    {
        Conditions.MarkReady(w, time);
        return ReconcileResult.Done;
    };

    public Func<Widget, ReconcileResult> OnFinalize { get; set; } = _ => ReconcileResult.Done;

    public int Reconciles { get; private set; }

    public int Finalizes { get; private set; }

    public Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        Reconciles++;
        return Task.FromResult(OnReconcile(entity));
    }

    public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken)
    {
        Finalizes++;
        return Task.FromResult(OnFinalize(entity));
    }

    public IEnumerable<ReferencedObject> GetReferences(Widget entity) =>
        entity.Spec.SecretName is { } name ? [ReferencedObject.Secret(name)] : [];
}
