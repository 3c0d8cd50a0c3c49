using System.Threading.Channels;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>A live watch: events (already filtered and translated) arrive on <see cref="Events"/> in resourceVersion order.</summary>
internal sealed class WatchSubscription(ObjectStore store, string storageKey, Func<StoredObject, bool> matches) : IDisposable
{
    private readonly Channel<WatchEvent> channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public string StorageKey { get; } = storageKey;

    public ChannelReader<WatchEvent> Events => channel.Reader;

    /// <summary>Queues a bookmark at the store's current resourceVersion, ordered after every event already queued.</summary>
    public void RequestBookmark() => store.Bookmark(this);

    public void Dispose()
    {
        store.Unsubscribe(this);
        channel.Writer.TryComplete();
    }

    /// <summary>Ends the watch once the events already queued are read (CRD deleted, server stopping).</summary>
    internal void Close() => channel.Writer.TryComplete();

    /// <summary>Called under the store's lock. Translates the event for this watcher's selector.</summary>
    internal void Offer(WatchEvent e)
    {
        if (e.Type == WatchEvent.Bookmark)
        {
            channel.Writer.TryWrite(e);
            return;
        }
        if (e.StorageKey != StorageKey)
        {
            return;
        }
        var now = e.Object is not null && matches(e.Object);
        var before = e.Previous is not null && matches(e.Previous);
        var type = (e.Type, before, now) switch
        {
            (WatchEvent.Deleted, _, true) => WatchEvent.Deleted,
            (WatchEvent.Added, _, true) => WatchEvent.Added,
            (WatchEvent.Modified, true, true) => WatchEvent.Modified,
            (WatchEvent.Modified, false, true) => WatchEvent.Added,
            (WatchEvent.Modified, true, false) => WatchEvent.Deleted,
            _ => null,
        };
        if (type is not null)
        {
            channel.Writer.TryWrite(type == e.Type ? e : e with { Type = type });
        }
    }
}
