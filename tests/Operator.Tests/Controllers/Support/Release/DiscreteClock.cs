using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when each of its timers is due next (Task.Delay, WaitAsync, timers of
/// the work queue and of the simulator's health checks all create one), so a test can jump straight to the next moment
/// anything happens instead of stepping the clock blindly: a discrete-event simulation of the operator and AWS.
/// </summary>
internal sealed class DiscreteClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock gate = new();
    private readonly HashSet<TrackedTimer> timers = [];

    /// <summary>Raised (outside the lock) whenever a timer is armed: something now waits on the clock.</summary>
    public event Action? Armed;

    /// <summary>When the earliest live timer fires; null when no timer is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (gate)
            {
                return timers.Select(t => t.Due).Where(d => d is not null).Min();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TrackedTimer? tracked = null;
        var inner = base.CreateTimer(s =>
        {
            tracked?.Fired();
            callback(s);
        }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        tracked = new TrackedTimer(this, inner);
        tracked.Change(dueTime, period);
        return tracked;
    }

    private void Track(TrackedTimer timer, bool armed)
    {
        lock (gate)
        {
            if (armed)
            {
                timers.Add(timer);
            }
            else
            {
                timers.Remove(timer);
            }
        }

        if (armed)
        {
            Armed?.Invoke();
        }
    }

    private sealed class TrackedTimer(DiscreteClock clock, ITimer inner) : ITimer
    {
        private readonly Lock gate = new();
        private DateTimeOffset? due;
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? Due
        {
            get
            {
                lock (gate)
                {
                    return due;
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan newPeriod)
        {
            lock (gate)
            {
                due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                period = newPeriod;
            }

            clock.Track(this, due is not null);
            return inner.Change(dueTime, newPeriod);
        }

        /// <summary>Runs just before the callback: a periodic timer is due again one period later.</summary>
        public void Fired()
        {
            lock (gate)
            {
                due = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan ? clock.GetUtcNow() + period : null;
            }

            clock.Track(this, due is not null);
        }

        public void Dispose()
        {
            lock (gate)
            {
                due = null;
            }

            clock.Track(this, false);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
