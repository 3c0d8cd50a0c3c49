using Ebops.Operator.Runtime.Watch;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>The Secret watcher and its payload-free cache; runs whenever a controller is registered.</summary>
internal sealed class SecretInformer : ISecretCache, IInformer
{
    public const string SecretKind = "Secret";

    public SecretInformer(IWatchSource<SecretEntry> source, WatcherOptions options, TimeProvider time, ILogger logger, Func<double>? random = null)
    {
        Watcher = new ResourceWatcher<SecretEntry>(SecretKind, source, options, time, logger, random);
    }

    public string Kind => SecretKind;

    public ResourceWatcher<SecretEntry> Watcher { get; }

    public bool IsSynced => Watcher.IsSynced;

    public Task Synced => Watcher.Synced;

    public SecretSummary? Get(string @namespace, string name) =>
        Watcher.Find(new ResourceKey(@namespace, name))?.Summary is { } summary ? summary with { OwnerReferences = SecretHashes.CopyOwners(summary.OwnerReferences) } : null;

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
}
