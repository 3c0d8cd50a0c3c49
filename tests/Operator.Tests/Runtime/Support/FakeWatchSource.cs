using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ebops.Operator.Runtime.Watch;
using k8s;
using k8s.Models;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>
/// A scripted list/watch source: the test sets what lists return and pushes watch events (or a 410) into the
/// current watch. Records the resourceVersion every watch started from.
/// </summary>
internal sealed class FakeWatchSource<T> : IWatchSource<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private Channel<Func<WatchEvent<T>>> channel = Channel.CreateUnbounded<Func<WatchEvent<T>>>();

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
            yield return next();
        }
    }

    public void Push(WatchEventType type, T item) => channel.Writer.TryWrite(() => new WatchEvent<T>(type, item));

    /// <summary>Ends the current watch with 410 Gone; returns a task completing with the resourceVersion the next watch starts from.</summary>
    public Task<string> Expire() => End(w => w.TryWrite(() => throw new ResourceVersionExpiredException("too old resource version")));

    /// <summary>Ends the current watch normally (server timeout); returns the next watch's start.</summary>
    public Task<string> Close() => End(w => w.TryComplete());

    /// <summary>Ends the current watch with a connection failure; returns the next watch's start.</summary>
    public Task<string> Fail() => End(w => w.TryWrite(() => throw new HttpRequestException("connection reset")));

    private Task<string> End(Action<ChannelWriter<Func<WatchEvent<T>>>> end)
    {
        var old = channel;
        WatchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        channel = Channel.CreateUnbounded<Func<WatchEvent<T>>>();
        end(old.Writer);
        return WatchStarted.Task;
    }
}
