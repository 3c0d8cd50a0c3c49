using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ebops.Operator.Runtime.Watch;
using k8s;
using k8s.Models;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>
/// A scripted list/watch source: the test sets what lists return and pushes watch events (or a 410) into the
/// current watch. <see cref="Push"/> returns a task that completes once the watcher has handled the event (the
/// watcher asks for the next event only after handling the previous one), so tests wait on the event itself.
/// </summary>
internal sealed class FakeWatchSource<T> : IWatchSource<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private Channel<Pushed> channel = Channel.CreateUnbounded<Pushed>();

    public List<T> Items { get; set; } = [];

    public string ListVersion { get; set; } = "100";

    public int PageSize { get; private set; }

    public List<string?> ListContinues { get; } = [];

    public List<string> WatchStarts { get; } = [];

    public TaskCompletionSource<string> WatchStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ListPage<T>> ListAsync(string? continueToken, int limit, CancellationToken cancellationToken)
    {
        ListContinues.Add(continueToken);
        PageSize = limit;
        var start = continueToken is null ? 0 : int.Parse(continueToken, System.Globalization.CultureInfo.InvariantCulture);
        var page = Items.Skip(start).Take(limit).ToList();
        var next = start + limit < Items.Count ? (start + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ListPage<T>(page, ListVersion, next));
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        WatchStarts.Add(resourceVersion);
        var current = channel;
        WatchStarted.TrySetResult(resourceVersion);
        await foreach (var next in current.Reader.ReadAllAsync(cancellationToken))
        {
            yield return next.Event();
            // Resumed only when the watcher asks for the next event, i.e. after it handled this one.
            next.Handled.TrySetResult();
        }
    }

    /// <summary>Pushes an event; the task completes once the watcher has handled it.</summary>
    public Task Push(WatchEventType type, T item)
    {
        var pushed = new Pushed(() => new WatchEvent<T>(type, item));
        channel.Writer.TryWrite(pushed);
        return pushed.Handled.Task;
    }

    /// <summary>Pushes a bookmark at <paramref name="resourceVersion"/>.</summary>
    public Task Bookmark(string resourceVersion, Func<V1ObjectMeta, T> wrap) => Push(WatchEventType.Bookmark, wrap(new V1ObjectMeta { ResourceVersion = resourceVersion }));

    /// <summary>Ends the current watch with 410 Gone; returns a task completing with the resourceVersion the next watch starts from.</summary>
    public Task<string> Expire() => End(w => w.TryWrite(new Pushed(() => throw new ResourceVersionExpiredException("too old resource version"))));

    /// <summary>Ends the current watch normally (server timeout); returns the next watch's start.</summary>
    public Task<string> Close() => End(w => w.TryComplete());

    /// <summary>Ends the current watch with a connection failure; returns the next watch's start.</summary>
    public Task<string> Fail() => End(w => w.TryWrite(new Pushed(() => throw new HttpRequestException("connection reset"))));

    private Task<string> End(Action<ChannelWriter<Pushed>> end)
    {
        var old = channel;
        WatchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        channel = Channel.CreateUnbounded<Pushed>();
        end(old.Writer);
        return WatchStarted.Task;
    }

    private sealed record Pushed(Func<WatchEvent<T>> Event)
    {
        public TaskCompletionSource Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
