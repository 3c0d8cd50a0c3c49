using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using k8s;
using k8s.Models;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// One fleet benchmark run: the sandbox, the bench's watch of the ebops objects, the applications created through the
/// Kubernetes API, and the operator in its own process; waits print progress while they last.
/// </summary>
internal sealed class FleetRun : IAsyncDisposable
{
    private readonly FleetWatch watch;
    private readonly TextWriter progress;

    private FleetRun(BenchSandbox sandbox, FleetWatch watch, FleetSettings settings, TextWriter progress)
    {
        Sandbox = sandbox;
        this.watch = watch;
        Settings = settings;
        this.progress = progress;
        Manifests = new FleetManifests(settings);
    }

    /// <summary>Whether this build registers the BlueGreenRelease controller (otherwise releases are left alone and
    /// the fleet's readiness counts the three infrastructure kinds).</summary>
    public static bool ReleasesReconciled { get; } =
        typeof(EbopsApi).Assembly.GetType("Ebops.Operator.Controllers.BlueGreenRelease.BlueGreenReleaseController") is not null;

    public BenchSandbox Sandbox { get; }

    public FleetState State => watch.State;

    public FleetSettings Settings { get; }

    public FleetManifests Manifests { get; }

    public OperatorProcess? Operator { get; private set; }

    /// <summary>The kinds whose Ready counts for the fleet.</summary>
    public IReadOnlyList<string> ReadyKinds { get; } =
        [.. EbopsKinds.All.Select(k => k.Kind).Where(k => ReleasesReconciled || k != EbopsKinds.BlueGreenRelease.Kind)];

    public int Apps { get; private set; }

    /// <summary>Starts the sandbox (on <paramref name="aws"/> when given, see <see cref="BenchSandbox.StartAsync"/>) and the watch.</summary>
    public static async Task<FleetRun> StartAsync(FleetSettings settings, TextWriter progress, CancellationToken cancellationToken, Ebops.Sandbox.Aws.AwsSimulator? aws = null)
    {
        var sandbox = await BenchSandbox.StartAsync(settings, cancellationToken, aws).ConfigureAwait(false);
        return new FleetRun(sandbox, FleetWatch.Start(sandbox.Kube.BaseAddress, new FleetState()), settings, progress);
    }

    /// <summary>Uploads the bundles of <paramref name="count"/> applications and creates their four objects, 16 at a time;
    /// <paramref name="customize"/> may change an object before it is created, or drop it (null).</summary>
    public async Task CreateAppsAsync(int count, Func<int, IReadOnlyDictionary<string, string>?>? labels, CancellationToken cancellationToken,
        Func<JsonObject, JsonObject?>? customize = null)
    {
        var first = Apps;
        Apps += count;
        foreach (var app in Enumerable.Range(first, count).Select(FleetManifests.AppName))
        {
            Sandbox.PutBundle(FleetManifests.BundleKey(app, FleetManifests.FirstVersion));
            Sandbox.PutBundle(FleetManifests.BundleKey(app, FleetManifests.NextVersion));
        }

        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            foreach (var manifest in Manifests.For(FleetManifests.AppName(i), labels?.Invoke(i)).Select(m => customize is null ? m : customize(m)).OfType<JsonObject>())
            {
                await FleetManifests.CreateAsync(Sandbox.Client, manifest, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Starts the operator against the sandbox; its output goes to <c>LogDirectory/name.log</c>.</summary>
    public OperatorProcess StartOperator(string name, params string[] extra)
    {
        Operator = OperatorProcess.Start(Settings.OperatorArguments(extra), Sandbox.OperatorEnvironment(), Path.Combine(Settings.LogDirectory, name + ".log"), Settings.OperatorDll);
        return Operator;
    }

    /// <summary>Every object of <see cref="ReadyKinds"/> of every application is Ready at its generation.</summary>
    public bool AllReady(IReadOnlyCollection<FleetObject> all) =>
        all.Count(o => o.Ready && ReadyKinds.Contains(o.Kind)) >= Apps * ReadyKinds.Count;

    /// <summary>Every object of the infrastructure kinds Ready, and every first release ended (succeeded or failed: an
    /// aborted first release leaves its application without a serving environment until the next version).</summary>
    public bool AllSettled(IReadOnlyCollection<FleetObject> all) =>
        all.Count(o => o.Ready && ReadyKinds.Contains(o.Kind) && o.Kind != EbopsKinds.BlueGreenRelease.Kind) >= Apps * ReadyKinds.Count(k => k != EbopsKinds.BlueGreenRelease.Kind)
        && (!ReleasesReconciled || AllReleasesEnded(all, FleetManifests.FirstVersion));

    /// <summary>Converged: every object of <see cref="ReadyKinds"/> Ready, and every first release Succeeded (blue
    /// retired: no release keeps two environments).</summary>
    public bool Converged(IReadOnlyCollection<FleetObject> all) =>
        AllReady(all) && (!ReleasesReconciled || ReleasesSucceeded(all, FleetManifests.FirstVersion) >= Apps);

    /// <summary>Releases that succeeded for <paramref name="version"/> and keep one environment.</summary>
    public static int ReleasesSucceeded(IReadOnlyCollection<FleetObject> all, string version) =>
        all.Count(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind && o.Released(version) == true && !o.ExtraCapacity);

    /// <summary>Every release ended (succeeded or failed) for <paramref name="version"/>.</summary>
    public bool AllReleasesEnded(IReadOnlyCollection<FleetObject> all, string version) =>
        all.Count(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind && o.Released(version) is not null) >= Apps;

    /// <summary>Waits until <paramref name="condition"/> holds; returns the real time it took, or null after
    /// <paramref name="timeout"/>. Prints the fleet's state every <paramref name="every"/>.</summary>
    public async Task<TimeSpan?> WaitAsync(string what, Func<IReadOnlyCollection<FleetObject>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken, TimeSpan? every = null)
    {
        var started = State.Elapsed;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var done = State.WhenAsync(condition, deadline.Token);
        while (true)
        {
            try
            {
                await done.WaitAsync(every ?? TimeSpan.FromSeconds(10), deadline.Token).ConfigureAwait(false);
                Progress($"{what}: done after {(State.Elapsed - started).TotalSeconds:F1} s real");
                return State.Elapsed - started;
            }
            catch (TimeoutException)
            {
                Progress($"{what}: {Describe()}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Progress($"{what}: NOT done after {timeout.TotalSeconds:F0} s: {Describe()}");
                return null;
            }
        }
    }

    /// <summary>Patches every release's version to <paramref name="version"/>, 16 at a time.</summary>
    public Task ReleaseAsync(string version, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, Apps), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var app = FleetManifests.AppName(i);
            var patch = new V1Patch(FleetManifests.VersionPatch(app, version).ToJsonString(), V1Patch.PatchType.MergePatch);
            await Sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, EbopsApi.Group, EbopsApi.Version, BenchSandbox.Namespace,
                EbopsKinds.BlueGreenRelease.Plural, app, cancellationToken: ct).ConfigureAwait(false);
        });

    /// <summary>Ready objects per kind, releases, AWS calls, the operator's memory.</summary>
    public string Describe()
    {
        var all = State.All;
        var ready = string.Join(" ", EbopsKinds.All.Select(k => $"{k.ShortName()} {all.Count(o => o.Kind == k.Kind && o.Ready)}/{Apps}"));
        var phases = string.Join(" ", all.Where(o => o.Phase is not null).GroupBy(o => o.Phase!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
        var calls = Sandbox.Calls.Snapshot();
        var throttled = calls.Where(c => AwsCallCounter.IsThrottled(c.Key)).Sum(c => c.Value);
        var memory = Operator is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; operator RSS {Operator.RssMb:F0} MB, CPU {Operator.Cpu.TotalSeconds:F0} s");
        return $"ready {ready}; releases {(phases.Length == 0 ? "-" : phases)}; AWS calls {calls.Values.Sum()} ({throttled} throttled){memory}";
    }

    public void Progress(string line) =>
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{State.Elapsed.TotalSeconds,7:F1} s] {line}"));

    public async ValueTask DisposeAsync()
    {
        if (Operator is not null)
        {
            await Operator.DisposeAsync().ConfigureAwait(false);
        }

        await watch.DisposeAsync().ConfigureAwait(false);
        await Sandbox.DisposeAsync().ConfigureAwait(false);
    }
}
