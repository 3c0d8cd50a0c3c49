using Ebops.Operator.Runtime.Queue;
using Ebops.Operator.Runtime.Watch;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>Per-kind runtime settings; the host fills them from its own options, <c>AddController</c>'s configure may adjust them.</summary>
public sealed record ControllerOptions
{
    /// <summary>Finalizer the runtime adds before the first reconcile and removes after FinalizeAsync returns Done; null: none.</summary>
    public string? Finalizer { get; init; } = Status.Finalizers.Default;

    /// <summary>Namespace to watch; null watches all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>Label selector for list and watch; null selects everything.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Concurrent reconciles of this kind (different objects; one object is never reconciled twice at once).</summary>
    public int Workers { get; init; } = 2;

    public WorkQueueOptions Queue { get; init; } = new();

    public WatcherOptions Watcher { get; init; } = new();
}
