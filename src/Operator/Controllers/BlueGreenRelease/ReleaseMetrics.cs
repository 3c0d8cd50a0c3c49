using System.Collections.Concurrent;
using Ebops.Operator.Entities;
using Prometheus;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The release metrics (names are a public contract; docs/metrics.md). Call <see cref="Observe"/> with the release
/// after each status write and <see cref="Forget"/> when it is deleted; everything is derived from the status, so a
/// retried pass or a second replica never counts twice: the first observation of a release after start-up only
/// remembers what it saw, later ones count what changed (a release that ends, a failed gate round, a cut-over).
/// </summary>
public sealed class ReleaseMetrics
{
    private static readonly ReleasePhase[] Phases = Enum.GetValues<ReleasePhase>();

    private readonly ConcurrentDictionary<(string Namespace, string Name), Seen> seen = new();
    private readonly Gauge phase;
    private readonly Gauge deadline;
    private readonly Histogram duration;
    private readonly Counter gateFailures;
    private readonly Counter rollbacks;
    private readonly Counter aborts;
    private readonly Histogram timeToCutover;

    /// <summary>Registers the metrics in <paramref name="registry"/> (default: prometheus-net's default registry, which /metrics serves).</summary>
    public ReleaseMetrics(CollectorRegistry? registry = null)
    {
        var factory = Metrics.WithCustomRegistry(registry ?? Metrics.DefaultRegistry);
        phase = factory.CreateGauge("ebops_release_phase", "1 for the phase each BlueGreenRelease is in, 0 for the others.", "namespace", "name", "phase");
        deadline = factory.CreateGauge("ebops_release_deadline_timestamp_seconds",
            "Unix time by which the release's current phase should have ended on its own settings; absent when it may wait.", "namespace", "name");
        duration = factory.CreateHistogram("ebops_release_duration_seconds", "Duration of finished releases, start to end, by outcome.",
            new HistogramConfiguration { LabelNames = ["outcome"], Buckets = Histogram.ExponentialBuckets(30, 2, 12) });
        gateFailures = factory.CreateCounter("ebops_release_gate_failures_total", "Failed health gate rounds (verification, bake, weighted steps).", "namespace", "name");
        rollbacks = factory.CreateCounter("ebops_release_rollbacks_total", "Releases that ended RolledBack (traffic moved back to blue).", "namespace", "name");
        aborts = factory.CreateCounter("ebops_release_aborts_total", "Releases that ended Aborted before traffic moved.", "namespace", "name");
        timeToCutover = factory.CreateHistogram("ebops_release_time_to_cutover_seconds", "From the health gate passing to all traffic on green.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 16) });
    }

    /// <summary>Updates every release metric from <paramref name="release"/>'s spec and status.</summary>
    public void Observe(Entities.BlueGreenRelease release)
    {
        var key = (release.Metadata.NamespaceProperty ?? "", release.Metadata.Name);
        var status = release.Status;
        var current = status?.Phase ?? ReleasePhase.Idle;
        foreach (var p in Phases)
        {
            phase.WithLabels(key.Item1, key.Name, p.ToString()).Set(p == current ? 1 : 0);
        }

        if (ReleaseDeadline.Of(release.Spec, status) is { } by)
        {
            deadline.WithLabels(key.Item1, key.Name).Set(by.ToUnixTimeMilliseconds() / 1000.0);
        }
        else
        {
            deadline.RemoveLabelled(key.Item1, key.Name);
        }

        var now = Seen.Of(status);
        if (seen.TryGetValue(key, out var before))
        {
            Count(key, before, now, status!);
        }

        seen[key] = now;
    }

    /// <summary>Removes the release's series (it was deleted).</summary>
    public void Forget(string @namespace, string name)
    {
        foreach (var p in Phases)
        {
            phase.RemoveLabelled(@namespace, name, p.ToString());
        }

        deadline.RemoveLabelled(@namespace, name);
        gateFailures.RemoveLabelled(@namespace, name);
        rollbacks.RemoveLabelled(@namespace, name);
        aborts.RemoveLabelled(@namespace, name);
        seen.TryRemove((@namespace, name), out _);
    }

    private void Count((string Namespace, string Name) key, Seen before, Seen now, BlueGreenReleaseStatus status)
    {
        // A gate round can only fail after the status exists; a new release or step starts counting from 0 again.
        var failed = now.ReleaseNumber == before.ReleaseNumber && now.GateFailures >= before.GateFailures
            ? now.GateFailures - before.GateFailures
            : now.GateFailures;
        if (failed > 0)
        {
            gateFailures.WithLabels(key.Namespace, key.Name).Inc(failed);
        }

        if (now.CutOver is { } cutover && cutover != before.CutOver)
        {
            timeToCutover.Observe(Math.Max(0, (cutover.At - cutover.GatePassedAt).TotalSeconds));
        }

        if (now.LastEnded is { } ended && ended != before.LastEnded && status.History is [var record, ..])
        {
            duration.WithLabels(record.Outcome.ToString()).Observe(
                record.StartedAt is { } start && record.FinishedAt is { } end ? Math.Max(0, (end - start).TotalSeconds) : 0);
            var counter = record.Outcome switch
            {
                ReleaseOutcome.RolledBack => rollbacks,
                ReleaseOutcome.Aborted => aborts,
                _ => null,
            };
            counter?.WithLabels(key.Namespace, key.Name).Inc();
        }
    }

    /// <summary>What the counters are derived from: the release, its gate failures, its cut-over and the newest history entry.</summary>
    private sealed record Seen(int? ReleaseNumber, int GateFailures, CutOver? CutOver, (int? Number, DateTimeOffset? At)? LastEnded)
    {
        public static Seen Of(BlueGreenReleaseStatus? status)
        {
            var phases = status?.Phases ?? [];
            var baking = phases.FindLastIndex(p => p.Phase == ReleasePhase.Baking);
            var gatePassed = baking < 0 ? -1 : phases.FindLastIndex(baking, p => p.Phase == ReleasePhase.AwaitingPromotion);
            var cutover = gatePassed < 0 ? null : new CutOver(status!.ReleaseNumber, phases[gatePassed].At, phases[baking].At);
            var newest = status?.History is [var record, ..] ? (record.ReleaseNumber, record.FinishedAt) : ((int?, DateTimeOffset?)?)null;
            return new Seen(status?.ReleaseNumber, status?.Gate?.Failures ?? 0, cutover, newest);
        }
    }

    private sealed record CutOver(int? ReleaseNumber, DateTimeOffset GatePassedAt, DateTimeOffset At);
}
