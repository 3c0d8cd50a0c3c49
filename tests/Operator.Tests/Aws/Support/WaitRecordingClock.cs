using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>A fake clock that records the due time of every one-shot timer created through it (a <c>Task.Delay</c> on it,
/// such as the AWS retry backoff) and signals <see cref="Armed"/> for each; time moves only with <see cref="Advance"/>.</summary>
internal sealed class WaitRecordingClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider inner = new(start);

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>Released once per one-shot timer created.</summary>
    public SemaphoreSlim Armed { get; } = new(0);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan && (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero))
        {
            Waits.Enqueue(dueTime);
            Armed.Release();
        }

        return timer;
    }

    public void Advance(TimeSpan by) => inner.Advance(by);
}
