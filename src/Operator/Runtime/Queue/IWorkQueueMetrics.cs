namespace Ebops.Operator.Runtime.Queue;

/// <summary>Where a queue reports depth, time in queue and retries (Prometheus in production, nothing in tests).</summary>
public interface IWorkQueueMetrics
{
    void SetDepth(int depth);

    void ObserveQueueDuration(TimeSpan waited);

    void IncrementRetries();

    /// <summary>Reports nothing.</summary>
    public static IWorkQueueMetrics None { get; } = new NoMetrics();

    private sealed class NoMetrics : IWorkQueueMetrics
    {
        public void SetDepth(int depth) { }

        public void ObserveQueueDuration(TimeSpan waited) { }

        public void IncrementRetries() { }
    }
}
