namespace Ebops.Operator.Runtime.Watch;

/// <summary>How a <see cref="ResourceWatcher{T}"/> lists, watches and filters.</summary>
public sealed record WatcherOptions
{
    /// <summary>Items per list page (limit/continue).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Server-side watch timeout; like client-go, the watcher then simply re-watches from the last resourceVersion.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First reconnect delay after a failed list or watch; doubles per consecutive failure.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When true, MODIFIED events whose metadata.generation did not change are skipped unless deletionTimestamp,
    /// finalizers (while deleting, or our own removed) or an annotation under <see cref="AnnotationPrefix"/> changed (so our own status writes do not loop).
    /// Off for kinds without generation (Secrets), where every change counts.
    /// </summary>
    public bool FilterByGeneration { get; init; } = true;

    /// <summary>The controller's finalizer: adding it is our own write and does not trigger a reconcile; removing it does.</summary>
    public string? OwnFinalizer { get; init; }

    /// <summary>Annotations with this prefix trigger a reconcile when they change; null ignores annotations.</summary>
    public string? AnnotationPrefix { get; init; } = "ebops.io/";
}
