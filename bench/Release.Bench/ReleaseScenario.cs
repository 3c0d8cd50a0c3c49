using System.Globalization;
using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary>
/// The <c>release</c> scenario: for each strategy, a fresh simulator, the first version deployed, steady load started,
/// then <see cref="ReleaseOptions.Releases"/> releases back to back with <see cref="ReleaseOptions.Settle"/> of steady
/// load before, between and after them; the figures come from the load's timeline.
/// </summary>
internal sealed class ReleaseScenario(ReleaseOptions options, TextWriter progress)
{
    /// <summary>The version every strategy deploys first (releases are v2, v3, ...).</summary>
    public const string FirstVersion = "v1";

    /// <summary>Every strategy in this assembly, in result order (a new strategy is a new class).</summary>
    public static IReadOnlyList<IReleaseStrategy> AllStrategies() =>
    [
        .. typeof(IReleaseStrategy).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IReleaseStrategy).IsAssignableFrom(t))
            .Select(t => (IReleaseStrategy)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Order),
    ];

    /// <summary>The strategies that failed in the last <see cref="RunAsync(CancellationToken)"/>.</summary>
    public List<string> Failed { get; } = [];

    public async Task<IReadOnlyList<StrategyResult>> RunAsync(CancellationToken cancellationToken)
    {
        var strategies = AllStrategies().Where(s => options.Strategies.Count == 0 || options.Strategies.Contains(s.Name)).ToList();
        var unknown = options.Strategies.Except(AllStrategies().Select(s => s.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown strategy: {string.Join(", ", unknown)} (known: {string.Join(", ", AllStrategies().Select(s => s.Name))})");
        }

        // A strategy that fails (its first deployment did not succeed, its sandbox broke) is reported and the others
        // still run: a long run keeps the results it has.
        var results = new List<StrategyResult>();
        foreach (var strategy in strategies)
        {
            try
            {
                results.Add(await RunAsync(strategy, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Progress($"{strategy.Name}: failed, left out of the results: {e.Message}");
                Failed.Add(strategy.Name);
            }
        }

        return results;
    }

    private async Task<StrategyResult> RunAsync(IReleaseStrategy strategy, CancellationToken cancellationToken)
    {
        await using var bench = await ReleaseBench.StartAsync(options, cancellationToken);
        Progress($"{strategy.Name}: deploying {FirstVersion}");
        var target = await strategy.DeployFirstAsync(bench, FirstVersion, cancellationToken);
        var load = new LoadGenerator(
            target,
            new LoadOptions
            {
                Clients = options.Clients,
                RequestsPerSecond = options.RequestsPerSecond,
                KeepAliveFraction = options.KeepAliveFraction,
                CacheDnsForeverFraction = options.JvmCachingFraction,
            },
            timeline: bench.Timeline);
        await using (load)
        {
            var started = bench.Timeline.Mark("load started");
            load.Start();
            await bench.DelayAsync(options.Settle, cancellationToken);
            var releases = new List<ReleaseRecord>();
            for (var i = 2; i <= options.Releases + 1; i++)
            {
                var release = new ReleaseRecord($"v{i}", bench.Timeline);
                await strategy.ReleaseAsync(bench, release, cancellationToken);
                release.MarkFinished();
                releases.Add(release);
                Progress(string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}: {release.Version} released in {bench.Simulated(release.Finished!.Value - release.Started).TotalMinutes:F1} simulated min, {load.Timeline.Summarize(release.Started, release.Finished).Failed} failed"));
                await bench.DelayAsync(options.Settle, cancellationToken);
            }

            await load.StopAsync();
            var stopped = bench.Timeline.Mark("load stopped");
            // Chart buckets of 10 simulated seconds (at least 100 ms of real time, for enough requests in each).
            foreach (var line in ReleaseMetrics.PerRelease(bench.Timeline, releases, started, stopped, options.TimeScale))
            {
                Progress($"{strategy.Name}: {line}");
            }

            var bucket = TimeSpan.FromMilliseconds(Math.Max(100, bench.Real(TimeSpan.FromSeconds(10)).TotalMilliseconds));
            return ReleaseMetrics.Compute(strategy.Name, bench.Timeline, releases, started, stopped, options.TimeScale, bucket);
        }
    }

    private void Progress(string line) => progress.WriteLine(line);
}
