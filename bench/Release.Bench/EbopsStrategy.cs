using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Bench.Release.Fleet;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Load;
using k8s;

namespace Ebops.Bench.Release;

/// <summary>
/// ebops releasing: the Kubernetes API emulator next to the strategy's simulator, config/samples for one application
/// (database, app, frontend, release, as the fleet scenarios create them, with <see cref="ReleaseOptions.Instances"/>
/// instances), and <c>ebops run</c> in a process of its own on the scenario's time scale (its requeues and poll interval
/// scaled, the release's durations scaled down to the schema's minimums, see <see cref="FleetManifests"/>). A release
/// is a patch of <c>spec.version</c>; the bench watches the BlueGreenRelease: the cut-over is the moment its phase leaves
/// the gate (the operator checkpoints CuttingOver before it acts), double capacity the time <c>status.extraCapacity</c>
/// is set (two environments exist), the end its phase Succeeded for the version (or a failed outcome, reported).
/// </summary>
internal abstract class EbopsStrategy(string name, int order, CutoverMethod cutover) : IReleaseStrategy
{
    private static readonly HashSet<string> PastTheGate = ["AwaitingPromotion", "CuttingOver", "Baking", "RetiringBlue", "Succeeded"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private readonly string app = FleetManifests.AppName(0);
    private FleetRun? run;

    public string Name { get; } = name;

    public int Order { get; } = order;

    private FleetRun Run => run ?? throw new InvalidOperationException("not deployed");

    public async Task<LoadTarget> DeployFirstAsync(ReleaseBench bench, string version, CancellationToken cancellationToken)
    {
        var settings = new FleetSettings { Apps = 1, TimeScale = bench.Options.TimeScale, Throttling = false };
        run = await FleetRun.StartAsync(settings, Console.Out, cancellationToken, bench.Simulator);
        bench.Own(run);
        run.Sandbox.PutBundle(FleetManifests.BundleKey(app, version));
        await run.CreateAppsAsync(1, null, cancellationToken, manifest => Customize(manifest, bench.Options, settings, version));
        run.StartOperator(Name);
        var deployed = await run.WaitAsync($"{Name}: {version} released", all => Release(all)?.Released(version) is not null, Timeout, cancellationToken);
        if (deployed is null || Release(run.State.All)?.Released(version) != true)
        {
            throw new InvalidOperationException($"{Name}: the first release of {version} did not succeed ({run.Describe()})");
        }

        return await TargetAsync(bench, run, cancellationToken);
    }

    public async Task ReleaseAsync(ReleaseBench bench, ReleaseRecord release, CancellationToken cancellationToken)
    {
        Run.Sandbox.PutBundle(FleetManifests.BundleKey(app, release.Version));
        void OnChange(FleetObject? before, FleetObject now)
        {
            if (now.Kind != EbopsKinds.BlueGreenRelease.Kind || (now.CandidateVersion != release.Version && now.StableVersion != release.Version))
            {
                return;
            }

            if (now.ExtraCapacity && before?.ExtraCapacity != true)
            {
                release.BeginDoubleCapacity();
            }
            else if (!now.ExtraCapacity && before?.ExtraCapacity == true)
            {
                release.EndDoubleCapacity();
            }

            if (release.Cutover is null && now.Phase is { } phase && PastTheGate.Contains(phase))
            {
                release.MarkCutover();
            }
        }

        Run.State.Changed += OnChange;
        try
        {
            await Run.ReleaseAsync(release.Version, cancellationToken);
            await Run.WaitAsync($"{Name}: {release.Version} released", all => Release(all)?.Released(release.Version) is not null, Timeout, cancellationToken);
        }
        finally
        {
            Run.State.Changed -= OnChange;
        }

        if (Release(Run.State.All) is { } ended && ended.Released(release.Version) != true)
        {
            Run.Progress($"{Name}: the release of {release.Version} did not succeed: phase {ended.Phase}");
        }
    }

    /// <summary>Changes to the release's spec for this strategy's cut-over (scaled as the other durations are).</summary>
    protected abstract void Strategy(JsonObject strategy, FleetSettings settings);

    /// <summary>Whether clients reach the application through the NlbFrontend (else through the environment CNAME).</summary>
    protected bool UsesFrontend => cutover is CutoverMethod.NlbSwitch or CutoverMethod.NlbWeighted;

    private JsonObject? Customize(JsonObject manifest, ReleaseOptions options, FleetSettings settings, string version)
    {
        var spec = manifest["spec"]!.AsObject();
        switch ((string?)manifest["kind"])
        {
            case "NlbFrontend" when !UsesFrontend:
                return null;
            case "BeanstalkApp":
                spec["capacity"]!["min"] = options.Instances;
                spec["capacity"]!["max"] = options.Instances;
                break;
            case "BlueGreenRelease":
                spec["version"] = FleetManifests.VersionPatch(app, version)["spec"]!["version"]!.DeepClone();
                var strategy = spec["strategy"]!.AsObject();
                strategy["cutover"] = cutover.ToString();
                if (!UsesFrontend)
                {
                    spec.Remove("frontendRef");
                }

                Strategy(strategy, settings);
                break;
        }

        return manifest;
    }

    private static FleetObject? Release(IReadOnlyCollection<FleetObject> all) => all.FirstOrDefault(o => o.Kind == EbopsKinds.BlueGreenRelease.Kind);

    /// <summary>The NLB's loopback listener, or the stable CNAME (the active environment's) through the resolver.</summary>
    private async Task<LoadTarget> TargetAsync(ReleaseBench bench, FleetRun fleet, CancellationToken cancellationToken)
    {
        var client = fleet.Sandbox.Client;
        if (UsesFrontend)
        {
            var frontend = await client.CustomObjects.GetNamespacedCustomObjectAsync<NlbFrontend>(EbopsApi.Group, EbopsApi.Version, BenchSandbox.Namespace,
                EbopsKinds.NlbFrontend.Plural, $"{app}-frontend", cancellationToken);
            var endpoint = Ebops.Sandbox.Aws.Elbv2.Elbv2State.For(bench.World).FindEndpoint(frontend.Status!.DnsName!, frontend.Spec.Listener.Port)
                ?? throw new InvalidOperationException($"{Name}: the NLB {frontend.Status.DnsName} has no listener on port {frontend.Spec.Listener.Port}");
            return LoadTarget.Endpoint(endpoint);
        }

        var beanstalk = await client.CustomObjects.GetNamespacedCustomObjectAsync<BeanstalkApp>(EbopsApi.Group, EbopsApi.Version, BenchSandbox.Namespace,
            EbopsKinds.BeanstalkApp.Plural, app, cancellationToken);
        var cname = beanstalk.Status?.Environments?.FirstOrDefault(e => e.Active == true)?.Cname
            ?? throw new InvalidOperationException($"{Name}: the BeanstalkApp has no active environment");
        fleet.Progress(string.Create(CultureInfo.InvariantCulture, $"{Name}: clients resolve {cname} (TTL {bench.Options.DnsTtl.TotalSeconds} s)"));
        return LoadTarget.Hostname(cname, bench.Resolver);
    }
}
