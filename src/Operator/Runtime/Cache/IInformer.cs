namespace Ebops.Operator.Runtime.Cache;

/// <summary>One kind's watcher and cache, as the runtime starts, tracks and links them (kind-agnostic).</summary>
internal interface IInformer
{
    /// <summary>The kind's name ("Secret", "RdsDatabase").</summary>
    string Kind { get; }

    bool IsSynced { get; }

    Task Synced { get; }

    /// <summary>The resourceVersion of the cached object; null when it is not in the cache.</summary>
    string? ResourceVersionOf(ResourceKey key);

    /// <summary>Adds a handler for every created, deleted or re-versioned object (call before <see cref="RunAsync"/>).</summary>
    void Subscribe(Action<VersionChange> handler);

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> fires.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
