using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// What the fleet scenarios (scale, steady, startup) share: how many applications, the time scale, AWS throttling, the
/// operator's workers. Simulated AWS durations run at <see cref="TimeScale"/>, and so do the operator's own timings
/// (poll interval, requeues, resync) and the releases' (gate interval, bake, blue retention): a fleet then behaves as
/// it would in real time, only faster, and AWS calls per simulated second compare with AWS's limits.
/// </summary>
internal sealed record FleetSettings
{
    public int Apps { get; init; } = 100;

    /// <summary>Real seconds per simulated second.</summary>
    public double TimeScale { get; init; } = 0.05;

    /// <summary>AWS's API rate limits in the simulator (docs/simulator.md).</summary>
    public bool Throttling { get; init; }

    /// <summary>The operator's --max-concurrent-reconciles (its default is 2).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>The operator's poll interval (Controllers:PollInterval), simulated; the operator's default.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The operator's resync period (--resync-period), simulated; the operator's default.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The first releases' progress deadline in real seconds, when set: it replaces the scaled deadline of the samples.
    /// The operator's own work (reconciles, gate rounds) takes real time that the time scale does not shrink, so a
    /// large fleet at a small scale can miss a scaled deadline that a real one would meet.
    /// </summary>
    public int? ProgressDeadlineSeconds { get; init; }

    /// <summary>The operator to run: an <c>ebops.dll</c> (for example a ReadyToRun publish, as the image ships); null for the
    /// build next to this benchmark.</summary>
    public string? OperatorDll { get; init; }

    /// <summary>Where the operator's output goes.</summary>
    public string LogDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "ebops-bench");

    /// <summary>A simulated duration in real time.</summary>
    public TimeSpan Real(TimeSpan simulated) => simulated * TimeScale;

    /// <summary>A real duration in simulated time.</summary>
    public TimeSpan Simulated(TimeSpan real) => real / TimeScale;

    /// <summary>The operator's command-line flags for this fleet.</summary>
    public IReadOnlyList<string> OperatorArguments(params string[] extra) =>
    [
        "--namespace", BenchSandbox.Namespace,
        "--metrics-port", "0", "--metrics-address", "127.0.0.1",
        "--max-concurrent-reconciles", Workers.ToString(CultureInfo.InvariantCulture),
        "--resync-period", Seconds(Real(ResyncPeriod)),
        .. extra,
    ];

    /// <summary>The controllers' timings (defaults from ControllerSettings), scaled, as environment variables.</summary>
    public IEnumerable<KeyValuePair<string, string>> OperatorTimings() =>
    [
        new("Controllers__PollInterval", Span(Real(PollInterval))),
        new("Controllers__MinPollInterval", Span(Real(TimeSpan.FromSeconds(30)))),
        new("Controllers__BusyRequeue", Span(Real(TimeSpan.FromSeconds(15)))),
        new("Controllers__DependencyRequeue", Span(Real(TimeSpan.FromSeconds(30)))),
    ];

    /// <summary>A release duration in the spec's whole seconds, scaled (at least <paramref name="minimum"/>).</summary>
    public int SpecSeconds(int simulatedSeconds, int minimum = 0) =>
        simulatedSeconds == 0 ? 0 : Math.Max(minimum, (int)Math.Ceiling(simulatedSeconds * TimeScale));

    private static string Span(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
