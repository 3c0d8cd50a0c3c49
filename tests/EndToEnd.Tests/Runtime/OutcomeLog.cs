using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>Every reconcile outcome of one runtime, and a way to wait until they satisfy a condition (an event, not a poll).</summary>
internal sealed class OutcomeLog : IReconcileObserver
{
    private readonly object gate = new();
    private readonly List<(ResourceKey Key, ReconcileOutcome Outcome)> seen = [];
    private readonly List<(Func<IReadOnlyList<(ResourceKey Key, ReconcileOutcome Outcome)>, bool> Condition, TaskCompletionSource Done)> waiters = [];

    public IReadOnlyList<(ResourceKey Key, ReconcileOutcome Outcome)> Seen
    {
        get
        {
            lock (gate)
            {
                return [.. seen];
            }
        }
    }

    public void Processed(string kind, ResourceKey key, ReconcileOutcome outcome)
    {
        List<TaskCompletionSource> done;
        lock (gate)
        {
            seen.Add((key, outcome));
            done = [.. waiters.Where(w => w.Condition(seen)).Select(w => w.Done)];
            waiters.RemoveAll(w => done.Contains(w.Done));
        }

        done.ForEach(d => d.TrySetResult());
    }

    /// <summary>Completes once the outcomes recorded so far satisfy <paramref name="condition"/>.</summary>
    public Task WhenAsync(Func<IReadOnlyList<(ResourceKey Key, ReconcileOutcome Outcome)>, bool> condition)
    {
        lock (gate)
        {
            if (condition(seen))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((condition, done));
            return done.Task;
        }
    }

    public int CountFor(string name) => Seen.Count(s => s.Key.Name == name);
}
