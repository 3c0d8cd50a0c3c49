namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// A snapshot of a <see cref="LatencyHistogram"/> (cumulative), or the difference of two (the responses of a window);
/// percentiles by nearest rank, each reported as its bucket's upper bound (at most 2 % above the measured time).
/// </summary>
public sealed class LatencyDistribution
{
    private readonly long[] counts;

    internal LatencyDistribution(long[] counts)
    {
        this.counts = counts;
        Count = counts.Sum();
    }

    /// <summary>No response at all (the baseline before the first request).</summary>
    public static LatencyDistribution Empty { get; } = new(new long[LatencyHistogram.BucketCount]);

    /// <summary>How many responses the distribution holds.</summary>
    public long Count { get; }

    /// <summary>The responses recorded after <paramref name="baseline"/> (an earlier snapshot of the same histogram).</summary>
    public LatencyDistribution Since(LatencyDistribution baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var delta = new long[counts.Length];
        for (var i = 0; i < delta.Length; i++)
        {
            delta[i] = Math.Max(0, counts[i] - baseline.counts[i]);
        }

        return new LatencyDistribution(delta);
    }

    /// <summary>
    /// The time within which <paramref name="fraction"/> of the responses were answered (0.99 for P99: the response of
    /// rank ⌈0.99·n⌉ in ascending order); null without responses.
    /// </summary>
    public TimeSpan? Percentile(double fraction)
    {
        if (fraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), "must be in (0, 1]");
        }

        if (Count == 0)
        {
            return null;
        }

        // 0.99 has no exact binary form: without the margin, 0.99 · 200 could round up to rank 199.
        var rank = Math.Max(1, (long)Math.Ceiling((fraction * Count) - 1e-9));
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return LatencyHistogram.UpperBound(i);
            }
        }

        return LatencyHistogram.UpperBound(counts.Length - 1);
    }
}
