using System.Globalization;
using Ebops.Operator.Entities;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// <c>soak</c>: the operator running, N applications created and Ready (first releases ended), then R rounds of a new
/// version for every application; each round waits until every release ended and the old environments are retired,
/// then records the operator's RSS (VmRSS), its managed heap as it exports it (<c>dotnet_total_memory_bytes</c>), and
/// the round's releases that succeeded and failed. Memory that grows round after round is what the operator keeps
/// per release. Asserts nothing.
/// </summary>
internal sealed class SoakScenario(FleetSettings settings, int rounds, TimeSpan timeout, TextWriter progress)
{
    /// <summary>The version every application releases in <paramref name="round"/> (round 0 is the first release).</summary>
    public static string VersionOf(int round) => round switch
    {
        0 => FleetManifests.FirstVersion,
        1 => FleetManifests.NextVersion,
        _ => string.Create(CultureInfo.InvariantCulture, $"1.0.{round + 1}"),
    };

    public async Task<IReadOnlyList<CaseResult>> RunAsync(CancellationToken cancellationToken)
    {
        await using var fleet = await FleetRun.StartAsync(settings, progress, cancellationToken).ConfigureAwait(false);
        var process = fleet.StartOperator($"soak-{settings.Apps}");
        await process.MetricsAsync(cancellationToken).ConfigureAwait(false);
        fleet.Progress($"creating {settings.Apps} applications ({settings.Apps * EbopsKinds.All.Count} objects)");
        await fleet.CreateAppsAsync(settings.Apps, null, cancellationToken).ConfigureAwait(false);
        var ready = await fleet.WaitAsync("all Ready (first releases ended)", fleet.AllSettled, timeout, cancellationToken).ConfigureAwait(false);
        var results = new List<CaseResult> { await RecordAsync(fleet, process, 0, ready, cancellationToken).ConfigureAwait(false) };
        for (var round = 1; ready is not null && FleetRun.ReleasesReconciled && round <= rounds; round++)
        {
            var version = VersionOf(round);
            for (var i = 0; i < settings.Apps && round > 1; i++)
            {
                var app = FleetManifests.AppName(i);
                fleet.Sandbox.PutBundle(FleetManifests.BundleKey(app, version));
            }

            fleet.Progress($"round {round}: releasing {version} of every application");
            var started = fleet.State.Elapsed;
            await fleet.ReleaseAsync(version, cancellationToken).ConfigureAwait(false);
            var ended = await fleet.WaitAsync($"round {round}: all releases ended", all => fleet.AllReleasesEnded(all, version) && Retired(all), timeout, cancellationToken)
                .ConfigureAwait(false);
            results.Add(await RecordAsync(fleet, process, round, ended is null ? null : fleet.State.Elapsed - started, cancellationToken).ConfigureAwait(false));
            if (ended is null)
            {
                break;
            }
        }

        fleet.Progress(fleet.Describe());
        return results;
    }

    /// <summary>No release keeps a second environment (blue retired after a success, green removed after a failure).</summary>
    private static bool Retired(IReadOnlyCollection<FleetObject> all) =>
        !all.Any(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind && o.ExtraCapacity);

    private async Task<CaseResult> RecordAsync(FleetRun fleet, OperatorProcess process, int round, TimeSpan? took, CancellationToken cancellationToken)
    {
        var version = VersionOf(round);
        var releases = fleet.State.All.Where(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind).Select(o => o.Released(version)).ToList();
        var scrape = await process.ScrapeAsync(cancellationToken).ConfigureAwait(false);
        var heap = scrape.Series("dotnet_total_memory_bytes").Select(s => (double?)s.Value).FirstOrDefault();
        var row = new CaseResult($"round-{round}",
        [
            new("round", round),
            new("rssMb", process.RssMb),
            new("managedHeapMb", heap / (1024 * 1024)),
            new("releasesSucceeded", releases.Count(r => r == true)),
            new("releasesFailed", releases.Count(r => r == false)),
            new("roundMinutes", took is { } t ? settings.Simulated(t).TotalMinutes : null),
            new("cpuSeconds", process.Cpu.TotalSeconds),
        ]);
        fleet.Progress(string.Create(CultureInfo.InvariantCulture,
            $"round {round} ({version}): RSS {row["rssMb"]:F0} MB, managed heap {row["managedHeapMb"]:F0} MB, {row["releasesSucceeded"]} succeeded, {row["releasesFailed"]} failed"));
        return row;
    }
}
