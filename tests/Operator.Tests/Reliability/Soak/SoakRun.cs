using System.Diagnostics;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Core;
using k8s;
using Bgr = Ebops.Operator.Entities.BlueGreenRelease;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// The soak: <see cref="SoakSettings.Apps"/> applications in one <see cref="ReleaseWorld"/> (one operator throughout,
/// AWS retries as shipped), each released <see cref="SoakSettings.Releases"/> times after its first release, in waves
/// (every application gets its next version at once), under load through every frontend (NLB or production CNAME) and
/// the faults of <see cref="SoakFaultPlan"/>. After each wave: every release ended in the phase its faults call for,
/// the wave's AWS calls pass <see cref="SoakAudit"/>, the faults are lifted, and what the harness keeps (the
/// simulator's call log, the emulator's request log, the captured log lines) is cleared so that the process's memory is
/// what the operator, the emulator's objects and watch windows, and the simulator's resources hold. At the end what
/// the emulator and the simulator retain is checked against their bounds (<see cref="SoakRetention"/>).
/// </summary>
internal sealed class SoakRun(SoakSettings settings, Action<string> print)
{
    private static readonly ReleasePhase[] Ends = [ReleasePhase.Succeeded, ReleasePhase.Aborted, ReleasePhase.RolledBack, ReleasePhase.Failed];
    private readonly SoakFigures figures = new(settings);
    private readonly SoakAudit audit = new();
    private readonly SoakFaultPlan plan = new(settings.Seed);
    private readonly List<string> nlbSwitchFailures = [];

    public async Task<SoakFigures> RunAsync()
    {
        var started = Stopwatch.GetTimestamp(); // only for the figures printed
        var operatorSettings = new Dictionary<string, string?> { ["Aws:MaxAttempts"] = "4" };
        await using var world = await ReleaseWorld.StartAsync(operatorSettings, options =>
        {
            options.Seed = settings.Seed;
            options.Quotas = new SimQuotas { EbApplicationVersions = Math.Max(1000, settings.Apps * (settings.Releases + 2)) };
        });
        using var calls = new SoakCalls(world.Sim.Calls);
        var apps = Enumerable.Range(0, settings.Apps).Select(i => new SoakApp(i)).ToList();
        var origin = world.Clock.GetUtcNow();
        foreach (var app in apps)
        {
            await app.CreateAsync(world, app.Label(0));
        }

        await UntilAsync(world, apps, r => ReleaseScript.IsReady(r, r.Metadata.Name + "-v0"), null, "the first releases are Ready");
        calls.Take();
        Trim(world);
        figures.Memory.Add(SoakMemory.Now("start (first releases Ready)"));
        print(figures.Memory[^1].ToString());
        for (var wave = 1; wave <= settings.Releases; wave++)
        {
            await WaveAsync(world, apps, calls, wave, started);
        }

        figures.Memory.Add(SoakMemory.Now($"end (after {settings.Releases} waves)"));
        figures.Retention = SoakRetention.Measure(world);
        figures.AwsCalls = calls.Total;
        figures.FaultedCalls = calls.Injected;
        figures.Simulated = world.Clock.GetUtcNow() - origin;
        figures.Real = Stopwatch.GetElapsedTime(started);
        print(figures.ToString());
        figures.Retention.Check($"seed {settings.Seed}");
        Assert.True(nlbSwitchFailures.Count == 0, $"seed {settings.Seed}: requests through NlbSwitch frontends failed: {string.Join("; ", nlbSwitchFailures)}");
        return figures;
    }

    private async Task WaveAsync(ReleaseWorld world, List<SoakApp> apps, SoakCalls calls, int wave, long started)
    {
        var what = $"wave {wave} (seed {settings.Seed})";
        var blues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            var environments = (await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(app.Name)).Status?.Environments ?? [];
            blues[app.Name] = environments.Single(e => e.Active == true).Id!;
        }

        var (faults, broken) = plan.Apply(wave, world.Clock.GetUtcNow(), world.Sim, apps, a => a.Label(wave));
        faults.ToList().ForEach(f => figures.Fault(f.Kind));
        foreach (var app in apps)
        {
            await app.SetVersionAsync(world, app.Label(wave));
        }

        Dictionary<string, Bgr> ended;
        var failedBefore = nlbSwitchFailures.Count;
        var load = await SoakLoad.StartAsync(world, apps, settings.LoadClients);
        await using (load)
        {
            ended = await UntilAsync(world, apps, r => Ended(r, r.Metadata.Name + "-v" + wave), load.BurstAsync, what);
        }

        Tally(load, what);
        world.Sim.Faults.Clear();
        var phases = new Dictionary<string, ReleasePhase>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            var status = ended[app.Name].Status!;
            var expected = app == broken ? ReleasePhase.Aborted : ReleasePhase.Succeeded;
            Assert.True(status.Phase == expected, $"{what}: {app.Name} ({app.Cutover}) ended {status.Phase} ({status.Reason}: {status.Message}), {expected} expected; faults: {string.Join("; ", faults)}");
            phases[app.Name] = status.Phase!.Value;
            figures.Release(app.Cutover, status.Phase.Value);
        }

        var mutations = calls.Take();
        if (failedBefore < nlbSwitchFailures.Count)
        {
            PrintContext(what, mutations, ended.Values);
        }

        audit.Check(what, mutations, blues, phases);
        Trim(world);
        var memory = SoakMemory.Now($"after wave {wave}");
        if (wave == (settings.Releases + 1) / 2)
        {
            figures.Memory.Add(memory with { When = $"middle (after wave {wave})" });
        }

        print($"{what}: {string.Join("; ", faults)}; ended at {world.Clock.GetUtcNow():dd HH:mm:ss} simulated, {Stopwatch.GetElapsedTime(started).TotalMinutes:F1} min real; {memory}");
    }

    private void Tally(SoakLoad load, string what)
    {
        foreach (var (method, (requests, failed)) in load.Counts)
        {
            figures.Load(method, requests, failed);
        }

        nlbSwitchFailures.AddRange(load.Failures.Where(f => f.Contains(nameof(CutoverMethod.NlbSwitch), StringComparison.Ordinal)).Select(f => $"{what}: {f}"));
        if (load.Failures.Count > 0)
        {
            print($"{what}: failed requests: {string.Join("; ", load.Failures)}");
        }
    }

    /// <summary>What explains failed requests: the wave's mutating AWS calls and each release's phases, in simulated time.</summary>
    private void PrintContext(string what, IReadOnlyList<SimCall> mutations, IEnumerable<Bgr> releases)
    {
        foreach (var call in mutations)
        {
            var target = call.Parameters.Where(p => p.Key is "ApplicationName" or "EnvironmentId" or "TargetGroupArn" or "ListenerArn" || p.Key.EndsWith(".TargetGroupArn", StringComparison.Ordinal));
            print($"{what}: {call.Time:dd HH:mm:ss.fff} {call.Service} {call.Action} {string.Join(" ", target.Select(p => p.Key + "=" + p.Value))}");
        }

        foreach (var release in releases)
        {
            print($"{what}: {release.Metadata.Name}: {string.Join(", ", (release.Status?.Phases ?? []).Select(p => $"{p.Phase} {p.At:dd HH:mm:ss}"))}");
        }
    }

    /// <summary>The release of <paramref name="label"/> ended, and the environment it gave up is gone.</summary>
    private static bool Ended(Bgr release, string label) =>
        release.Status?.Phase is { } phase && Ends.Contains(phase) && release.Status.History?.FirstOrDefault()?.Version == label
        && release.Status.PendingTermination is null;

    /// <summary>Steps the world (after each step: <paramref name="eachStep"/>) until <paramref name="done"/> holds for every
    /// application's release; fails, naming the releases not done, when 12 simulated hours pass first.</summary>
    private static async Task<Dictionary<string, Bgr>> UntilAsync(ReleaseWorld world, List<SoakApp> apps, Func<Bgr, bool> done, Func<Task>? eachStep, string what)
    {
        var deadline = world.Clock.GetUtcNow() + TimeSpan.FromHours(12);
        var meta = EntityMetadata.For<Bgr>();
        while (true)
        {
            await world.SettleAsync();
            if (eachStep is not null)
            {
                await eachStep();
            }

            var list = await world.Client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList<Bgr>>(meta.Group, meta.Version, ReleaseWorld.Namespace, meta.Plural,
                cancellationToken: TestContext.Current.CancellationToken);
            var releases = list.Items.ToDictionary(r => r.Metadata.Name, StringComparer.Ordinal);
            if (apps.All(a => releases.TryGetValue(a.Name, out var r) && done(r)))
            {
                return releases;
            }

            if (world.Clock.GetUtcNow() > deadline || !await world.StepAsync())
            {
                var waiting = releases.Values.Where(r => !done(r)).Select(r => $"{r.Metadata.Name}: {r.Status?.Phase} ({r.Status?.Reason}: {r.Status?.Message})");
                throw new Xunit.Sdk.XunitException($"{what}: not reached by {world.Clock.GetUtcNow():O}: {string.Join("; ", waiting)}\n{world.Describe(null)}");
            }
        }
    }

    /// <summary>Forgets what the harness keeps per call, per API request and per log line (the soak keeps its own counts).</summary>
    private static void Trim(ReleaseWorld world)
    {
        world.Sim.Calls.Clear();
        world.Kube.Requests.Clear();
        world.Logs.Lines.Clear();
        world.Operator.Outcomes.Clear();
    }
}
