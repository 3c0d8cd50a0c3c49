namespace Ebops.Operator.Runtime.Queue;

/// <summary>
/// Per-key exponential failure backoff: BaseDelay × 2^(failures-1), stretched by jitter, capped at MaxDelay.
/// Not thread-safe: the queue calls it under its lock.
/// </summary>
internal sealed class FailureBackoff<TKey>(WorkQueueOptions options, Func<double> random)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> failures = [];

    /// <summary>Counts one more failure of <paramref name="key"/> and returns how long to wait before retrying it.</summary>
    public TimeSpan Next(TKey key)
    {
        failures.TryGetValue(key, out var count);
        count++;
        failures[key] = count;
        return DelayFor(count, random());
    }

    public int Failures(TKey key) => failures.TryGetValue(key, out var count) ? count : 0;

    public void Forget(TKey key) => failures.Remove(key);

    /// <summary>The delay after the <paramref name="failureCount"/>-th consecutive failure, for a random draw in [0, 1).</summary>
    public TimeSpan DelayFor(int failureCount, double draw)
    {
        // Cap the exponent before computing so 2^n cannot overflow after many failures.
        var exponent = Math.Min(failureCount - 1, 62);
        var baseTicks = options.BaseDelay.Ticks * Math.Pow(2, exponent);
        var jittered = baseTicks * (1 + options.Jitter * draw);
        return jittered >= options.MaxDelay.Ticks ? options.MaxDelay : TimeSpan.FromTicks((long)jittered);
    }
}
