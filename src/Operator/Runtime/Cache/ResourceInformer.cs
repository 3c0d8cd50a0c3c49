using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Watch;
using k8s;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// One custom kind's watcher and watch cache, shared by its controller (keys to reconcile), by controllers that read
/// the kind (<see cref="IResourceCache{T}"/>) and by the reference tracking (<see cref="IInformer"/>).
/// </summary>
internal sealed class ResourceInformer<T> : IResourceCache<T>, IInformer
    where T : class, ICustomResource
{
    public ResourceInformer(IWatchSource<T> source, WatcherOptions options, TimeProvider time, ILogger logger, Func<double>? random = null)
    {
        Kind = EntityMetadata.For<T>().Kind;
        Watcher = new ResourceWatcher<T>(Kind, source, options, time, logger, random);
    }

    public string Kind { get; }

    public ResourceWatcher<T> Watcher { get; }

    public bool IsSynced => Watcher.IsSynced;

    public Task Synced => Watcher.Synced;

    public T? Get(string @namespace, string name) => Watcher.Find(new ResourceKey(@namespace, name)) is { } item ? Copy(item) : null;

    public IReadOnlyList<T> List(string? @namespace = null) => List(@namespace, static _ => true);

    /// <summary>Filters the shared objects first and copies only those that match (a fleet-wide list per reconcile
    /// would otherwise deep-copy every object of the kind).</summary>
    public IReadOnlyList<T> List(string? @namespace, Func<T, bool> match) =>
    [
        .. Watcher.Objects
            .Where(o => (@namespace is null || o.Metadata.NamespaceProperty == @namespace) && match(o))
            .OrderBy(o => o.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)
            .Select(Copy),
    ];

    public string? ResourceVersionOf(ResourceKey key) => Watcher.Find(key)?.Metadata.ResourceVersion;

    public void Subscribe(Action<VersionChange> handler) => Watcher.Subscribe(change =>
    {
        if (change.Previous?.Metadata.ResourceVersion != change.Current?.Metadata.ResourceVersion)
        {
            var owners = (change.Previous?.Metadata.OwnerReferences ?? []).Concat(change.Current?.Metadata.OwnerReferences ?? []).ToList();
            handler(new VersionChange(Kind, change.Key, owners));
        }
    });

    public Task RunAsync(CancellationToken cancellationToken) => Watcher.RunAsync(cancellationToken);

    /// <summary>A deep copy, so a controller's changes never reach the cache.</summary>
    public static T Copy(T item) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item));
}
