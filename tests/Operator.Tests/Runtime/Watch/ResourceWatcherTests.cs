using System.Collections.Concurrent;
using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Watch;
using Ebops.Operator.Tests.Runtime.Support;
using Ebops.Tests.Shared;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Operator.Tests.Runtime.Watch;

public sealed class ResourceWatcherTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly TimerSignallingTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeWatchSource<Widget> source = new();
    private readonly ConcurrentQueue<ResourceKey> enqueued = new();
    private readonly CancellationTokenSource stop = new();
    private readonly ResourceWatcher<Widget> watcher;
    private Task? running;

    public ResourceWatcherTests()
    {
        watcher = new ResourceWatcher<Widget>("Widget", source, new WatcherOptions { PageSize = 2 }, time, NullLogger.Instance, () => 0);
        // What a controller with the default finalizer enqueues.
        var filter = new ChangeFilter("ebops.io/finalizer");
        watcher.Subscribe(change =>
        {
            if (filter.Matters(change.Previous?.Metadata, change.Current?.Metadata))
            {
                enqueued.Enqueue(change.Key);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            await running.WaitAsync(Ct);
        }

        stop.Dispose();
    }

    private async Task StartAsync()
    {
        var started = source.WatchStarted.Task;
        running = Task.Run(() => watcher.RunAsync(stop.Token), Ct);
        await started.WaitAsync(Ct);
    }

    private static Widget At(string name, long generation, string resourceVersion, Action<V1ObjectMeta>? change = null)
    {
        var widget = Widget.New(name);
        widget.Metadata.Generation = generation;
        widget.Metadata.ResourceVersion = resourceVersion;
        change?.Invoke(widget.Metadata);
        return widget;
    }

    private List<string> Drain()
    {
        var keys = new List<string>();
        while (enqueued.TryDequeue(out var key))
        {
            keys.Add(key.Name);
        }

        return keys;
    }

    /// <summary>Pushes an event followed by a bookmark; returns once the watcher has handled both.</summary>
    private async Task PushAndSettle(WatchEventType type, Widget item, string bookmark)
    {
        await source.Push(type, item);
        await source.Push(WatchEventType.Bookmark, new Widget { Metadata = new V1ObjectMeta { ResourceVersion = bookmark } });
        Assert.Equal(bookmark, watcher.ResourceVersion);
    }

    [Fact]
    public async Task Lists_in_pages_enqueues_everything_then_watches_from_the_list_version()
    {
        source.Items = [At("a", 1, "10"), At("b", 1, "11"), At("c", 1, "12")];
        source.ListVersion = "42";
        await StartAsync();

        Assert.Equal([null, "2"], source.ListContinues);
        Assert.Equal(2, source.PageSize);
        Assert.Equal(["a", "b", "c"], Drain().Order());
        Assert.Equal(["42"], source.WatchStarts);
        Assert.True(watcher.IsSynced);
    }

    [Fact]
    public async Task Listed_and_watched_objects_are_cached_without_managed_fields()
    {
        static void Managed(V1ObjectMeta m) => m.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Update", FieldsType = "FieldsV1" }];
        source.Items = [At("a", 1, "10", Managed)];
        await StartAsync();
        Assert.Null(watcher.Find(new ResourceKey("default", "a"))!.Metadata.ManagedFields);

        await PushAndSettle(WatchEventType.Added, At("b", 1, "11", Managed), "12");
        Assert.Equal("11", watcher.Find(new ResourceKey("default", "b"))!.Metadata.ResourceVersion);
        Assert.Null(watcher.Find(new ResourceKey("default", "b"))!.Metadata.ManagedFields);
    }

    [Fact]
    public async Task Modified_events_without_a_generation_change_are_skipped()
    {
        source.Items = [At("a", 1, "10")];
        await StartAsync();
        Drain();

        await PushAndSettle(WatchEventType.Modified, At("a", 1, "11"), "12");
        Assert.Empty(Drain());

        await PushAndSettle(WatchEventType.Modified, At("a", 2, "13"), "14");
        Assert.Equal(["a"], Drain());

        // Our own finalizer going on is our own write: no reconcile. Someone taking it off: reconcile (to put it back).
        await PushAndSettle(WatchEventType.Modified, At("a", 2, "15", m => m.Finalizers = ["ebops.io/finalizer"]), "16");
        Assert.Empty(Drain());
        await PushAndSettle(WatchEventType.Modified, At("a", 2, "151", m => m.Finalizers = []), "152");
        Assert.Equal(["a"], Drain());
        await PushAndSettle(WatchEventType.Modified, At("a", 2, "153", m => m.Finalizers = ["ebops.io/finalizer"]), "154");
        Assert.Empty(Drain());

        await PushAndSettle(WatchEventType.Modified, At("a", 2, "17", m =>
        {
            m.Finalizers = ["ebops.io/finalizer"];
            m.DeletionTimestamp = DateTime.UtcNow;
        }), "18");
        Assert.Equal(["a"], Drain());

        // While deleting, any finalizer change counts (another controller finishing its cleanup).
        await PushAndSettle(WatchEventType.Modified, At("a", 2, "171", m =>
        {
            m.Finalizers = ["ebops.io/finalizer", "other.io/cleanup"];
            m.DeletionTimestamp = DateTime.UtcNow;
        }), "172");
        Assert.Equal(["a"], Drain());

        await PushAndSettle(WatchEventType.Modified, At("a", 2, "19", m =>
        {
            m.DeletionTimestamp = DateTime.UtcNow;
            m.Finalizers = ["ebops.io/finalizer", "other.io/cleanup"];
            m.Annotations = new Dictionary<string, string> { ["ebops.io/paused"] = "true", ["other"] = "x" };
        }), "20");
        Assert.Equal(["a"], Drain());

        await PushAndSettle(WatchEventType.Deleted, At("a", 2, "21"), "22");
        Assert.Equal(["a"], Drain());
    }

    [Fact]
    public async Task Bookmarks_advance_the_resource_version_a_resumed_watch_starts_from()
    {
        source.Items = [At("a", 1, "10")];
        source.ListVersion = "10";
        await StartAsync();

        await PushAndSettle(WatchEventType.Added, At("b", 1, "11"), "57");
        var next = source.Close();
        Assert.Equal("57", await next.WaitAsync(Ct));
        Assert.Equal(1, watcher.Lists);
    }

    [Fact]
    public async Task Gone_relists_and_enqueues_objects_deleted_during_the_gap()
    {
        source.Items = [At("a", 1, "10"), At("b", 1, "11"), At("c", 1, "12")];
        source.ListVersion = "12";
        await StartAsync();
        Drain();

        // While the watch was broken: b was deleted, c changed spec, d was created, a is unchanged.
        source.Items = [At("a", 1, "10"), At("c", 2, "30"), At("d", 1, "31")];
        source.ListVersion = "99";
        var next = source.Expire();

        Assert.Equal("99", await next.WaitAsync(Ct));
        Assert.Equal(2, watcher.Lists);
        Assert.Equal(["b", "c", "d"], Drain().Order());
        Assert.DoesNotContain(new ResourceKey("default", "b"), watcher.Keys);
    }

    [Fact]
    public async Task A_failed_watch_backs_off_then_resumes_from_the_last_version_without_relisting()
    {
        source.Items = [At("a", 1, "10")];
        source.ListVersion = "10";
        await StartAsync();
        await PushAndSettle(WatchEventType.Added, At("b", 1, "11"), "20");

        // Reconnect waits for the jittered backoff (500 ms base; with a zero draw, half of it) on the fake clock:
        // the watch restarts only once the clock reaches it.
        var backoff = time.NextTimer;
        var next = source.Fail();
        Assert.Equal(TimeSpan.FromMilliseconds(250), await backoff.WaitAsync(Ct));
        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("20", await next.WaitAsync(Ct));
        Assert.Equal(1, watcher.Lists);
    }
}
