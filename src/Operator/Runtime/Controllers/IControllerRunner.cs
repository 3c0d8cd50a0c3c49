namespace Ebops.Operator.Runtime.Controllers;

/// <summary>A started-and-stopped unit of the runtime: one kind's watcher, queue and workers.</summary>
internal interface IControllerRunner
{
    string Kind { get; }

    /// <summary>True once the watcher's first list is done.</summary>
    bool IsSynced { get; }

    /// <summary>True when a background loop died with an unexpected exception (/healthz fails).</summary>
    bool IsFaulted { get; }

    /// <summary>Starts the watcher and the workers in the background.</summary>
    void Start();

    /// <summary>
    /// Stops taking work and waits up to <paramref name="deadline"/> for in-flight reconciles, then cancels them.
    /// Returns true when everything in flight finished in time.
    /// </summary>
    Task<bool> StopAsync(TimeSpan deadline);
}
