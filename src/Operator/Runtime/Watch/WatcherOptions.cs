namespace Ebops.Operator.Runtime.Watch;

/// <summary>How a <see cref="ResourceWatcher{T}"/> lists and watches.</summary>
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
}
