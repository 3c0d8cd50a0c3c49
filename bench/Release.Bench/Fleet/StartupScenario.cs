using System.Diagnostics;
using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// <c>startup</c>: <see cref="Runs"/> times, a fresh sandbox holding one application (the samples), then <c>ebops run</c>
/// started: the time from the process start to its first reconcile (the first write of it the API server sees: the
/// finalizer it adds before its first ReconcileAsync), to its metrics server listening, and its resident memory once
/// the application is Ready and <see cref="Settle"/> has passed with nothing to do (idle RSS).
/// </summary>
internal sealed class StartupScenario(FleetSettings settings, int runs, TimeSpan settle, TextWriter progress)
{
    public int Runs => runs;

    public TimeSpan Settle => settle;

    public async Task<IReadOnlyList<CaseResult>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<CaseResult>();
        for (var i = 1; i <= runs; i++)
        {
            rows.Add(await RunOnceAsync(i, cancellationToken).ConfigureAwait(false));
        }

        return [.. rows, Aggregate("min", rows, v => v.Min()), Aggregate("median", rows, Median)];
    }

    private async Task<CaseResult> RunOnceAsync(int run, CancellationToken cancellationToken)
    {
        await using var fleet = await FleetRun.StartAsync(settings with { Apps = 1 }, progress, cancellationToken).ConfigureAwait(false);
        await fleet.CreateAppsAsync(1, null, cancellationToken).ConfigureAwait(false);
        await fleet.State.WhenAsync(all => all.Count == 4, cancellationToken).ConfigureAwait(false);
        // The moment and the operator's CPU time when its first write is seen: the CPU seconds tell the work from the
        // wait on a busy machine, where the wall-clock figure mostly measures the other processes.
        var firstWrite = new TaskCompletionSource<(long At, TimeSpan Cpu)>(TaskCreationOptions.RunContinuationsAsynchronously);
        OperatorProcess? started = null;
        fleet.State.Changed += (previous, current) =>
        {
            if (current.HasFinalizer && previous?.HasFinalizer != true && Volatile.Read(ref started) is { } running)
            {
                firstWrite.TrySetResult((Stopwatch.GetTimestamp(), running.Cpu));
            }
        };

        var process = fleet.StartOperator($"startup-{run}");
        Volatile.Write(ref started, process);
        var metrics = await process.MetricsAsync(cancellationToken).ConfigureAwait(false);
        var listening = Stopwatch.GetElapsedTime(process.StartedAt);
        var (reconciled, cpu) = await firstWrite.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        var startup = Stopwatch.GetElapsedTime(process.StartedAt, reconciled);
        var ready = await fleet.WaitAsync("ready", fleet.AllReady, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
        var idle = process.RssMb;
        var peak = process.PeakRssMb;
        fleet.Progress(string.Create(CultureInfo.InvariantCulture,
            $"run {run}: first reconcile {startup.TotalSeconds:F3} s after start, {cpu.TotalSeconds:F3} CPU s (metrics at {metrics} after {listening.TotalSeconds:F3} s), idle RSS {idle:F1} MB"));
        return new CaseResult($"run {run}",
        [
            new("startupSeconds", startup.TotalSeconds),
            new("startupCpuSeconds", cpu.TotalSeconds),
            new("listeningSeconds", listening.TotalSeconds),
            new("convergeSeconds", ready is { } r ? settings.Simulated(r).TotalSeconds : null),
            new("idleRssMb", idle),
            new("peakRssMb", peak),
        ]);
    }

    private static CaseResult Aggregate(string name, IReadOnlyList<CaseResult> rows, Func<IReadOnlyList<double>, double> of) =>
        new(name, [.. rows[0].Metrics.Select(m => new KeyValuePair<string, double?>(m.Key, Values(rows, m.Key) is { Count: > 0 } values ? of(values) : null))]);

    private static List<double> Values(IReadOnlyList<CaseResult> rows, string metric) =>
        [.. rows.Select(r => r[metric]).OfType<double>()];

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
