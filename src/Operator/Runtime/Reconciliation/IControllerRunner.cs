namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>A started-and-stopped unit of the runtime: one kind's watcher, queue and workers.</summary>
internal interface IControllerRunner
{
    string Kind { get; }

    /// <summary>True once the kind's informer finished its first list.</summary>
    bool IsSynced { get; }

    /// <summary>True when a background loop died with an unexpected exception (/healthz fails).</summary>
    bool IsFaulted { get; }

    /// <summary>Starts the workers in the background (the runtime starts them once every informer is synced).</summary>
    void Start();

    /// <summary>
    /// Stops taking work and waits up to <paramref name="deadline"/> for in-flight reconciles, then cancels them.
    /// Returns true when everything in flight finished in time.
    /// </summary>
    Task<bool> StopAsync(TimeSpan deadline);
}
