using System.Diagnostics;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// The fleet's objects as the bench's watches last saw them, with the moments things first happened (real time since
/// <see cref="Start"/>) and waits that complete on the change that satisfies them (no polling). Thread-safe.
/// </summary>
internal sealed class FleetState
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Kind, string Name), FleetObject> objects = [];
    private readonly List<(Func<IReadOnlyCollection<FleetObject>, bool> Condition, TaskCompletionSource Done)> waiters = [];
    private readonly long started = Stopwatch.GetTimestamp();

    /// <summary>Real time since the state was created.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    /// <summary>The timestamp the state counts from.</summary>
    public long Start => started;

    /// <summary>Called with every object change (on the watch's thread).</summary>
    public event Action<FleetObject?, FleetObject>? Changed;

    public IReadOnlyCollection<FleetObject> All
    {
        get
        {
            lock (gate)
            {
                return [.. objects.Values];
            }
        }
    }

    public void Set(FleetObject current)
    {
        FleetObject? previous;
        List<TaskCompletionSource> done;
        lock (gate)
        {
            objects.TryGetValue((current.Kind, current.Name), out previous);
            objects[(current.Kind, current.Name)] = current;
            var all = objects.Values;
            done = [.. waiters.Where(w => w.Condition(all)).Select(w => w.Done)];
            waiters.RemoveAll(w => done.Contains(w.Done));
        }

        Changed?.Invoke(previous, current);
        done.ForEach(d => d.TrySetResult());
    }

    public void Remove(string kind, string name)
    {
        lock (gate)
        {
            objects.Remove((kind, name));
        }
    }

    /// <summary>Completes when the objects satisfy <paramref name="condition"/> (checked now and on every change).</summary>
    public Task WhenAsync(Func<IReadOnlyCollection<FleetObject>, bool> condition, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (condition(objects.Values))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((condition, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }
}
