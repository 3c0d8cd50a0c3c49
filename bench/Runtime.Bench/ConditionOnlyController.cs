using System.Collections.Concurrent;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;

namespace Ebops.Bench.Runtime;

/// <summary>Sets Ready=True and nothing else: the cost measured is the runtime's own.</summary>
public sealed class ConditionOnlyController(ConcurrentDictionary<string, int> seen, TimeProvider time) : IResourceController<Widget>
{
    public Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        seen.AddOrUpdate(entity.Metadata.Name, 1, (_, n) => n + 1);
        Conditions.MarkReady(entity, time, "Reconciled", "ok");
        return Task.FromResult(ReconcileResult.Done);
    }

    public Task<ReconcileResult> FinalizeAsync(Widget entity, CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);
}
