using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code starts waiting on it: <see cref="NextTimer"/> completes with
/// the due time of the next timer created (Task.Delay, WaitAsync and CreateTimer all create one). A test then advances
/// exactly that far, instead of stepping the clock until something happens.
/// </summary>
internal sealed class TimerSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource<TimeSpan> next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the due time of the next timer created after this property is read.</summary>
    public Task<TimeSpan> NextTimer => Volatile.Read(ref next).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Exchange(ref next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(dueTime);
        }

        return timer;
    }
}
