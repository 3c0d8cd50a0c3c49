namespace Ebops.Bench.Release;

/// <summary>
/// The release scenario's knobs. Durations are simulated (realistic AWS time); the simulator runs them at
/// <see cref="TimeScale"/>, while the load's rate, latencies and sockets are real.
/// </summary>
internal sealed class ReleaseOptions
{
    /// <summary>Releases per strategy, back to back.</summary>
    public int Releases { get; init; } = 10;

    /// <summary>Requests per second of all clients together (real time).</summary>
    public double RequestsPerSecond { get; init; } = 500;

    public int Clients { get; init; } = 32;

    /// <summary>Clients on one kept-alive connection; the others open a new connection per request.</summary>
    public double KeepAliveFraction { get; init; } = 0.5;

    /// <summary>Real seconds per simulated second (0.02: a 5-minute EB operation takes 6 s).</summary>
    public double TimeScale { get; init; } = 0.02;

    /// <summary>Instances per environment (the mission's minimum capacity).</summary>
    public int Instances { get; init; } = 2;

    /// <summary>TTL of the environment CNAME records (EB's is 60 s).</summary>
    public TimeSpan DnsTtl { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Clients (of each kind) whose DNS cache keeps the first answer for ever, like a JVM with networkaddress.cache.ttl=-1.</summary>
    public double JvmCachingFraction { get; init; } = 0.1;

    /// <summary>How long the hand-run CNAME swap keeps blue after the swap before terminating it.</summary>
    public TimeSpan BlueRetention { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Steady load before the first release and after each one.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Strategies to run, by name; empty runs them all.</summary>
    public IReadOnlyList<string> Strategies { get; init; } = [];
}
