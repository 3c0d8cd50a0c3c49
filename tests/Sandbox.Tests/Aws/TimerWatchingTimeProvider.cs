using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>A FakeTimeProvider that tells a test when a timer with a given due time is created, so the test can advance
/// the clock once the code under test waits on it instead of polling.</summary>
internal sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Created)> watches = [];

    /// <summary>Completes when a timer due after <paramref name="dueTime"/> is created (from now on).</summary>
    public Task TimerCreatedAsync(TimeSpan dueTime)
    {
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            watches.Add((dueTime, created));
        }

        return created.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (gate)
        {
            foreach (var watch in watches.Where(w => w.DueTime == dueTime).ToList())
            {
                watches.Remove(watch);
                watch.Created.TrySetResult();
            }
        }

        return timer;
    }
}
