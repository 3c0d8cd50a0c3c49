namespace Ebops.Operator.Runtime.Queue;

/// <summary>Tuning of a <see cref="WorkQueue{TKey}"/>. Defaults follow controller-runtime.</summary>
public sealed record WorkQueueOptions
{
    /// <summary>First failure delay; doubles per consecutive failure of the same key (controller-runtime: 5 ms).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Cap of the failure delay (controller-runtime: 1000 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Each failure delay is stretched by a random factor in [1, 1 + Jitter) so retries of many keys spread out.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>Every key the resync source knows is re-queued this often (stretched by the same jitter); null disables.</summary>
    public TimeSpan? ResyncPeriod { get; init; }
}
