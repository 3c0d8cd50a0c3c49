namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// A token bucket on simulated time: full at first, refilled lazily from the time elapsed since the last look.
/// Not thread-safe (<see cref="SimRateLimits"/> holds its lock around it).
/// </summary>
internal sealed class TokenBucket(double capacity, double refillPerSecond, DateTimeOffset now)
{
    private readonly double capacity = capacity;
    private double tokens = capacity;
    private DateTimeOffset updated = now;

    /// <summary>Tokens now (after refilling for <paramref name="simulatedElapsed"/> since the last look).</summary>
    public double Refill(DateTimeOffset now, double simulatedElapsed)
    {
        tokens = Math.Min(capacity, tokens + (simulatedElapsed * refillPerSecond));
        updated = now;
        return tokens;
    }

    /// <summary>When the bucket was last refilled.</summary>
    public DateTimeOffset Updated => updated;

    public double Tokens => tokens;

    public void Take() => tokens -= 1;
}
