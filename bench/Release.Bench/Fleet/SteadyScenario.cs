using System.Globalization;
using Ebops.Operator.Entities;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// <c>steady</c>: N applications converged (every object Ready and every first release Succeeded with blue retired, one
/// poll interval more to settle), then left alone for
/// a window of simulated minutes. AWS calls per object per poll interval come from the simulator's call log over the
/// window (printed by service and operation); Kubernetes API requests per reconcile from the operator's own counters
/// (<c>ebops_kube_requests_total</c> without list and watch, over <c>ebops_reconcile_total</c>).
/// </summary>
internal sealed class SteadyScenario(FleetSettings settings, TimeSpan window, TimeSpan timeout, TextWriter progress)
{
    public async Task<CaseResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var fleet = await FleetRun.StartAsync(settings, progress, cancellationToken).ConfigureAwait(false);
        var process = fleet.StartOperator($"steady-{settings.Apps}");
        await process.MetricsAsync(cancellationToken).ConfigureAwait(false);
        await fleet.CreateAppsAsync(settings.Apps, null, cancellationToken).ConfigureAwait(false);
        // Converged, or every first release ended with some failed (those never converge: measured as they are).
        var ready = await fleet.WaitAsync("converged (all Ready, first releases Succeeded)",
            all => fleet.Converged(all) || (fleet.AllSettled(all) && FleetRun.ReleasesSucceeded(all, FleetManifests.FirstVersion) < fleet.Apps),
            timeout, cancellationToken).ConfigureAwait(false);
        var converged = fleet.Converged(fleet.State.All);
        var succeeded = FleetRun.ReleasesSucceeded(fleet.State.All, FleetManifests.FirstVersion);
        fleet.Progress($"{(converged ? "converged" : "NOT converged")}: {fleet.Describe()}; settling for one poll interval ({settings.PollInterval.TotalMinutes} simulated min)");
        await Task.Delay(settings.Real(settings.PollInterval), cancellationToken).ConfigureAwait(false);

        fleet.Progress($"steady window: {window.TotalMinutes} simulated minutes ({settings.Real(window).TotalSeconds:F0} s real)");
        var calls0 = fleet.Sandbox.Calls.Snapshot();
        var scrape0 = await process.ScrapeAsync(cancellationToken).ConfigureAwait(false);
        var cpu0 = process.Cpu;
        await Task.Delay(settings.Real(window), cancellationToken).ConfigureAwait(false);
        var calls = AwsCallCounter.Between(calls0, fleet.Sandbox.Calls.Snapshot());
        var scrape1 = await process.ScrapeAsync(cancellationToken).ConfigureAwait(false);
        var cpu = process.Cpu - cpu0;
        var stillReady = fleet.AllReady(fleet.State.All);

        var objects = settings.Apps * fleet.ReadyKinds.Count;
        var polls = window / settings.PollInterval;
        var reconciles = Delta(scrape0, scrape1, "ebops_reconcile_total");
        var kube = Delta(scrape0, scrape1, "ebops_kube_requests_total", l => l.GetValueOrDefault("verb") is not "list" and not "watch");
        CallTable.Write(progress, string.Create(CultureInfo.InvariantCulture, $"AWS calls in {window.TotalMinutes} steady simulated minutes ({polls:F1} poll intervals, {objects} objects)"),
            calls, objects * polls, "per object/poll");
        WriteReconciles(scrape0, scrape1, objects, fleet.ReadyKinds.Count, polls);
        WriteKube(scrape0, scrape1, reconciles);
        return new CaseResult($"apps-{settings.Apps}",
        [
            new("apps", settings.Apps),
            new("objects", objects),
            new("readyMinutes", ready is { } r ? settings.Simulated(r).TotalMinutes : null),
            new("converged", converged ? 1 : 0),
            new("firstReleasesSucceeded", FleetRun.ReleasesReconciled ? succeeded : null),
            new("pollIntervals", polls),
            new("awsCalls", calls.Values.Sum()),
            new("awsCallsPerObjectPerPoll", calls.Values.Sum() / (objects * polls)),
            new("reconciles", reconciles),
            new("reconcilesPerObjectPerPoll", reconciles / (objects * polls)),
            new("awsCallsPerReconcile", reconciles == 0 ? null : calls.Values.Sum() / reconciles),
            new("kubeRequests", kube),
            new("kubeRequestsPerReconcile", reconciles == 0 ? null : kube / reconciles),
            new("cpuSecondsPerSimulatedHour", cpu.TotalSeconds / (window.TotalHours)),
            new("rssMb", process.RssMb),
            new("stillReady", stillReady ? 1 : 0),
        ]);
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, Func<IReadOnlyDictionary<string, string>, bool>? where = null) =>
        after.Sum(name, where) - before.Sum(name, where);

    private void WriteReconciles(PrometheusText before, PrometheusText after, int objects, int kinds, double polls)
    {
        progress.WriteLine("reconciles in the window, by kind and result:");
        foreach (var kind in EbopsKinds.All)
        {
            var results = after.Series("ebops_reconcile_total").Where(s => s.Labels.GetValueOrDefault("kind") == kind.Kind)
                .Select(s => (Result: s.Labels.GetValueOrDefault("result") ?? "", Count: s.Value - before.Sum("ebops_reconcile_total", l => l.GetValueOrDefault("kind") == kind.Kind && l.GetValueOrDefault("result") == s.Labels.GetValueOrDefault("result"))))
                .Where(r => r.Count > 0);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Kind,-18} {string.Join(", ", results.Select(r => $"{r.Result} {r.Count:N0}"))} ({results.Sum(r => r.Count) / (objects / (double)kinds * polls):F2} per object per poll)"));
        }
    }

    private void WriteKube(PrometheusText before, PrometheusText after, double reconciles)
    {
        progress.WriteLine("Kubernetes API requests in the window (list and watch left out of the per-reconcile figure):");
        foreach (var (labels, value) in after.Series("ebops_kube_requests_total"))
        {
            var delta = value - before.Sum("ebops_kube_requests_total", l => l.GetValueOrDefault("verb") == labels.GetValueOrDefault("verb") && l.GetValueOrDefault("resource") == labels.GetValueOrDefault("resource"));
            if (delta > 0)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {labels.GetValueOrDefault("verb"),-8} {labels.GetValueOrDefault("resource"),-32} {delta,8:N0} ({delta / Math.Max(1, reconciles):F3} per reconcile)"));
            }
        }
    }
}
