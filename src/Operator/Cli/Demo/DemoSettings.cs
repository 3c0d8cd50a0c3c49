using System.Globalization;
using System.Text.Json.Nodes;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The demo-only overrides that make the whole story fit in under a minute; nothing here changes the samples on disk or
/// the operator's defaults. Simulated AWS durations run <see cref="TimeScale"/> times real time (RDS creation, ~10 min,
/// in 3 s; an environment launch, ~5 min, in 1.5 s; the NlbFrontend's 30 s deregistration delay in 0.15 s), the operator looks
/// again after <see cref="Requeue"/> while AWS is busy instead of 15-30 s, and the release's own clocks (gate rounds,
/// bake, blue retention), which the operator measures in real seconds, are shortened in the applied BlueGreenRelease.
/// </summary>
internal sealed record DemoSettings
{
    /// <summary>Real seconds per simulated second (0.005: 200 times faster).</summary>
    public double TimeScale { get; init; } = 0.005;

    /// <summary>Controllers:BusyRequeue and Controllers:DependencyRequeue.</summary>
    public TimeSpan Requeue { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>healthGate.intervalSeconds (the schema's minimum; the sample has 15).</summary>
    public int GateIntervalSeconds { get; init; } = 5;

    /// <summary>healthGate.consecutiveSuccesses (the sample has 3).</summary>
    public int GateSuccesses { get; init; } = 2;

    /// <summary>healthGate.failureLimit (the sample has 3).</summary>
    public int GateFailureLimit { get; init; } = 2;

    /// <summary>strategy.bakeSeconds (the sample has 60).</summary>
    public int BakeSeconds { get; init; } = 6;

    /// <summary>strategy.blueRetention.minSeconds (the sample keeps blue 300 s, then until drained).</summary>
    public int BlueRetentionSeconds { get; init; }

    /// <summary>strategy.abortGreenRetentionSeconds (the sample keeps an aborted green 600 s for inspection).</summary>
    public int AbortGreenRetentionSeconds { get; init; }

    /// <summary>The canary scenario's steps: green's share of new connections and seconds at each.</summary>
    public IReadOnlyList<(int Weight, int PauseSeconds)> CanarySteps { get; init; } = [(20, 5), (50, 5), (100, 0)];

    /// <summary>
    /// strategy.analysis.minRequests for the canary: EB's metrics window (10 s) is simulated time too, 50 ms at the demo's
    /// scale, in which green sees a handful of requests, never the default 20.
    /// </summary>
    public int CanaryMinRequests { get; init; } = 3;

    /// <summary>
    /// strategy.analysis.maxP99IncreasePercent for the canary: 0 turns the latency comparison off, because both versions
    /// are the same loopback server and the p99 of a handful of sub-millisecond requests is noise.
    /// </summary>
    public int CanaryMaxP99IncreasePercent { get; init; }

    /// <summary>The load: requests per second from <see cref="Clients"/> clients, half on kept-alive connections.</summary>
    public double RequestsPerSecond { get; init; } = 200;

    public int Clients { get; init; } = 16;

    public double KeepAliveFraction { get; init; } = 0.5;

    /// <summary>Steady load before the release starts and after it ends.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long any one step may take before the demo gives up.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A master password the demo stores in the Secret the sample RdsDatabase names before applying it; null (the
    /// default): the operator generates one, as the sample asks (tests set it to look for it everywhere afterwards).
    /// </summary>
    public string? MasterPassword { get; init; }

    /// <summary>The lowest level written to the demo's log (Microsoft.* from Warning whatever it is).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>How often the demo reads the four objects and refreshes the progress.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The merge patch the demo lays over the sample BlueGreenRelease's spec for <paramref name="scenario"/>.</summary>
    public JsonObject ReleaseOverrides(DemoScenario scenario)
    {
        var strategy = new JsonObject
        {
            ["bakeSeconds"] = BakeSeconds,
            ["blueRetention"] = new JsonObject { ["minSeconds"] = BlueRetentionSeconds },
            ["abortGreenRetentionSeconds"] = AbortGreenRetentionSeconds,
        };
        if (scenario.Cutover == Entities.CutoverMethod.NlbWeighted)
        {
            strategy["cutover"] = "NlbWeighted";
            strategy["steps"] = new JsonArray([.. CanarySteps.Select(s => (JsonNode)new JsonObject { ["weight"] = s.Weight, ["pauseSeconds"] = s.PauseSeconds })]);
            strategy["analysis"] = new JsonObject { ["minRequests"] = CanaryMinRequests, ["maxP99IncreasePercent"] = CanaryMaxP99IncreasePercent };
        }

        return new JsonObject
        {
            ["strategy"] = strategy,
            ["healthGate"] = new JsonObject
            {
                ["intervalSeconds"] = GateIntervalSeconds,
                ["consecutiveSuccesses"] = GateSuccesses,
                ["failureLimit"] = GateFailureLimit,
            },
        };
    }

    /// <summary>The operator's configuration overrides (the same keys <c>ebops run</c> reads) for the demo's sandbox.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> OperatorOverrides(string kubeconfig, Uri awsEndpoint, string region) =>
    [
        new("Operator:Kubeconfig", kubeconfig),
        new("Operator:MetricsPort", "0"),
        new("Operator:MetricsAddress", "127.0.0.1"),
        new("Aws:Region", region),
        new("Aws:EndpointUrl", awsEndpoint.ToString()),
        new("Controllers:BusyRequeue", Requeue.ToString("c", CultureInfo.InvariantCulture)),
        new("Controllers:DependencyRequeue", Requeue.ToString("c", CultureInfo.InvariantCulture)),
        // The release's HTTP check reaches green's simulated CNAME through the simulator's probe proxy.
        new("Release:ProbeProxy", awsEndpoint.ToString()),
        new("Logging:LogLevel:Default", LogLevel.ToString()),
    ];
}
