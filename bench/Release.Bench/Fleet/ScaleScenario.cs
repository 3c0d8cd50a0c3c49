using System.Globalization;
using Ebops.Operator.Entities;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// <c>scale</c>: the operator running, N applications (four objects each) created at once, then, once every object is
/// Ready and every first release ended (an aborted one counts in <c>firstReleasesFailed</c>), a new version for every
/// application. Figures: times until all are Ready and until every release ended (simulated minutes), AWS calls per
/// object, throttled calls and the client's retries, duplicate AWS objects (from the simulator's state), the
/// operator's peak RSS (VmHWM) and CPU time.
/// </summary>
internal sealed class ScaleScenario(FleetSettings settings, TimeSpan timeout, TextWriter progress)
{
    public async Task<CaseResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var fleet = await FleetRun.StartAsync(settings, progress, cancellationToken).ConfigureAwait(false);
        var process = fleet.StartOperator($"scale-{settings.Apps}");
        await process.MetricsAsync(cancellationToken).ConfigureAwait(false);
        var objects = settings.Apps * EbopsKinds.All.Count;
        fleet.Progress($"creating {settings.Apps} applications ({objects} objects)");
        var beforeCreate = fleet.Sandbox.Calls.Snapshot();
        var created = fleet.State.Elapsed;
        await fleet.CreateAppsAsync(settings.Apps, null, cancellationToken).ConfigureAwait(false);
        fleet.Progress(string.Create(CultureInfo.InvariantCulture, $"created in {(fleet.State.Elapsed - created).TotalSeconds:F1} s"));
        var ready = await fleet.WaitAsync("all Ready (first releases ended)", fleet.AllSettled, timeout, cancellationToken).ConfigureAwait(false);
        var afterCreate = fleet.Sandbox.Calls.Snapshot();
        var first = fleet.State.All.Where(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind).Select(o => o.Released(FleetManifests.FirstVersion)).ToList();
        fleet.Progress($"first releases: {first.Count(r => r == true)} succeeded, {first.Count(r => r == false)} failed, {first.Count(r => r is null)} still going");

        TimeSpan? released = null;
        var outcomes = (Succeeded: 0, Failed: 0);
        var afterRelease = afterCreate;
        if (FleetRun.ReleasesReconciled && ready is not null)
        {
            fleet.Progress($"releasing {FleetManifests.NextVersion} of every application");
            var started = fleet.State.Elapsed;
            await fleet.ReleaseAsync(FleetManifests.NextVersion, cancellationToken).ConfigureAwait(false);
            var ended = await fleet.WaitAsync("all releases ended", all => fleet.AllReleasesEnded(all, FleetManifests.NextVersion), timeout, cancellationToken).ConfigureAwait(false);
            released = ended is null ? null : fleet.State.Elapsed - started;
            var releases = fleet.State.All.Where(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind).Select(o => o.Released(FleetManifests.NextVersion)).ToList();
            outcomes = (releases.Count(r => r == true), releases.Count(r => r == false));
            afterRelease = fleet.Sandbox.Calls.Snapshot();
        }

        var scrape = await process.ScrapeAsync(cancellationToken).ConfigureAwait(false);
        var inventory = AwsInventory.Of(fleet.Sandbox.World.DumpState());
        var result = Result(fleet, objects, ready, released, outcomes, scrape, inventory, process, first.Count(r => r == false));
        Report(fleet, objects, AwsCallCounter.Between(beforeCreate, afterCreate), AwsCallCounter.Between(afterCreate, afterRelease), inventory);
        return result;
    }

    private CaseResult Result(FleetRun fleet, int objects, TimeSpan? ready, TimeSpan? released, (int Succeeded, int Failed) outcomes, PrometheusText scrape, AwsInventory inventory, OperatorProcess process, int firstFailed)
    {
        var calls = fleet.Sandbox.Calls.Snapshot();
        var total = calls.Values.Sum();
        var throttled = calls.Where(c => AwsCallCounter.IsThrottled(c.Key)).Sum(c => c.Value);
        double? Minutes(TimeSpan? real) => real is { } r ? settings.Simulated(r).TotalMinutes : null;
        return new CaseResult($"apps-{settings.Apps}",
        [
            new("apps", settings.Apps),
            new("objects", objects),
            new("readyMinutes", Minutes(ready)),
            new("firstReleasesFailed", FleetRun.ReleasesReconciled ? firstFailed : null),
            new("releaseMinutes", Minutes(released)),
            new("releasesSucceeded", FleetRun.ReleasesReconciled ? outcomes.Succeeded : null),
            new("releasesFailed", FleetRun.ReleasesReconciled ? outcomes.Failed : null),
            new("awsCalls", total),
            new("awsCallsPerObject", (double)total / objects),
            new("throttledCalls", throttled),
            new("throttledRate", total == 0 ? 0 : (double)throttled / total),
            new("retries", scrape.Sum("ebops_aws_retries_total")),
            new("failedThrottled", scrape.Sum("ebops_aws_api_calls_total", l => l.GetValueOrDefault("outcome") == "throttled")),
            new("duplicateAwsObjects", inventory.Duplicates),
            new("peakRssMb", process.PeakRssMb),
            new("cpuSeconds", process.Cpu.TotalSeconds),
            new("realMinutes", fleet.State.Elapsed.TotalMinutes),
        ]);
    }

    private void Report(FleetRun fleet, int objects, IReadOnlyDictionary<AwsCallKey, long> create, IReadOnlyDictionary<AwsCallKey, long> release, AwsInventory inventory)
    {
        CallTable.Write(progress, $"AWS calls while {settings.Apps} applications were created until all Ready", create, objects, "per object");
        if (release.Count > 0)
        {
            CallTable.Write(progress, $"AWS calls while every application released {FleetManifests.NextVersion}", release, objects, "per object");
        }

        progress.WriteLine("AWS objects owned by ebops: " + string.Join(", ", inventory.PerType.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}")));
        progress.WriteLine($"duplicates: {inventory.Duplicates}");
        foreach (var line in inventory.DuplicateLines.Take(20))
        {
            progress.WriteLine("  " + line);
        }

        fleet.Progress(fleet.Describe());
    }
}
