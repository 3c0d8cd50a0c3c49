namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// The world's clock as one part of the operator sees it (its AWS clients): the same time and timers, plus
/// <see cref="Waiting"/>, how many one-shot timers created through it are armed and not fired yet. For the AWS clients
/// these are the adaptive rate limiter's waits, each holding one reconcile until the clock moves. The count drops in the
/// timer's callback, before the waiter resumes, so a check right after <see cref="DiscreteClock"/>'s Advance is exact.
/// </summary>
internal sealed class CountingClock(DiscreteClock clock) : TimeProvider
{
    private int waiting;

    /// <summary>The world's clock this one reads.</summary>
    public DiscreteClock Clock => clock;

    public int Waiting => Volatile.Read(ref waiting);

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            return clock.CreateTimer(callback, state, dueTime, period);
        }

        var wait = new Wait(this);
        wait.Timer = clock.CreateTimer(s =>
        {
            wait.Release();
            callback(s);
        }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        wait.Change(dueTime, period);
        return wait;
    }

    /// <summary>One one-shot timer: counted while armed.</summary>
    private sealed class Wait(CountingClock owner) : ITimer
    {
        private int armed;

        public ITimer Timer { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                Release();
            }
            else if (Interlocked.Exchange(ref armed, 1) == 0)
            {
                Interlocked.Increment(ref owner.waiting);
            }

            return Timer.Change(dueTime, period);
        }

        public void Release()
        {
            if (Interlocked.Exchange(ref armed, 0) == 1)
            {
                Interlocked.Decrement(ref owner.waiting);
            }
        }

        public void Dispose()
        {
            Release();
            Timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
