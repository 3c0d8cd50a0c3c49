namespace Ebops.Operator.Aws.Core;

/// <summary>
/// The random source of the AWS retry backoff's jitter (<see cref="AwsRetryPolicy"/>): <see cref="Random.Shared"/> as
/// shipped (<see cref="Shared"/>); a seeded one draws the same waits in the same order, so retry timings on a fake clock
/// are reproducible. Thread-safe.
/// </summary>
internal sealed class AwsRetryJitter
{
    private readonly Random? random;
    private readonly Lock gate = new();

    /// <summary>A jitter seeded with <paramref name="seed"/>.</summary>
    public AwsRetryJitter(int seed) => random = new Random(seed);

    private AwsRetryJitter() => random = null;

    /// <summary>What the operator uses unless another is registered: <see cref="Random.Shared"/>.</summary>
    public static AwsRetryJitter Shared { get; } = new();

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble()
    {
        if (random is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (gate)
        {
            return random.NextDouble();
        }
    }
}
