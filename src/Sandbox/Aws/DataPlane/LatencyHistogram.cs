namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// Every response time a proxy measured, counted in logarithmic buckets 2 % wide (from 1 µs to about 10 minutes; longer
/// ones count in the last bucket), so percentiles over any window come from two snapshots without keeping each
/// request: <see cref="LatencyDistribution.Since"/>. Recording is lock-free.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Each bucket's upper bound is this factor times the previous one.</summary>
    internal const double Growth = 1.02;

    internal const int BucketCount = 1024;

    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] counts = new long[BucketCount];

    /// <summary>The counts so far (a consistent-enough copy: each bucket is read atomically).</summary>
    public LatencyDistribution Snapshot()
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            copy[i] = Interlocked.Read(ref counts[i]);
        }

        return new LatencyDistribution(copy);
    }

    internal void Record(TimeSpan latency) => Interlocked.Increment(ref counts[Bucket(latency)]);

    /// <summary>Bucket 0 holds responses of at most 1 µs; bucket i &gt; 0 those in (1.02^(i-1), 1.02^i] µs.</summary>
    internal static int Bucket(TimeSpan latency)
    {
        var microseconds = latency.Ticks / (double)TimeSpan.TicksPerMicrosecond;
        return microseconds <= 1 ? 0 : (int)Math.Min(BucketCount - 1, Math.Ceiling(Math.Log(microseconds) / LogGrowth));
    }

    /// <summary>The value a bucket stands for: its upper bound (never below the responses it holds, at most 2 % above).</summary>
    internal static TimeSpan UpperBound(int bucket)
        => bucket == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(Math.Pow(Growth, bucket) * TimeSpan.TicksPerMicrosecond));
}
