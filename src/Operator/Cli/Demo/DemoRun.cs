using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Load;
using k8s;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The demo's steps, one after another: the sandbox and the operator, the bundles, the infrastructure from
/// config/samples until Ready, the first release (1.0.1), then the load through the NLB's loopback port and the
/// release of 1.0.2 under it (broken as the scenario says). A failed step ends the run; whatever ran stays up for the
/// report (and for <c>--keep</c>) until the run is disposed.
/// </summary>
internal sealed class DemoRun(DemoScenario scenario, DemoSettings settings, DemoPaths paths, IDemoProgress progress, TimeProvider time) : IAsyncDisposable
{
    private const string Namespace = "default";
    private readonly List<DemoStepResult> steps = [];
    private readonly SampleManifests samples = SampleManifests.Load(paths.Samples);
    private DemoObserver? observer;
    private LoadGenerator? load;
    private DateTimeOffset loadOrigin;
    private ReleaseOutcome? outcome;
    private TimeSpan? faultAt;
    private TimeSpan? brokenUntil;
    private IPEndPoint? frontend;

    public DemoSandbox? Sandbox { get; private set; }

    public DemoNames Names => samples.Names(Namespace);

    /// <summary>The release's version label in config/samples (the first release) and the one released under load.</summary>
    public string StableLabel => (string)samples.Of(EbopsKinds.BlueGreenRelease)["spec"]!["version"]!["label"]!;

    public string CandidateLabel { get; } = "1.0.2";

    private DemoObserver Observer => observer ?? throw new InvalidOperationException("the sandbox has not started");

    private DemoSandbox Started => Sandbox ?? throw new InvalidOperationException("the sandbox has not started");

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var plan = new (string Title, Func<CancellationToken, Task> Body)[]
        {
            ("Starting the Kubernetes API emulator and the AWS simulator in-process", StartSandboxAsync),
            ("Starting the operator: the host and the four controllers of 'ebops run'", StartOperatorAsync),
            ($"Seeding the bundles of {StableLabel} and {CandidateLabel} into the simulator's S3", SeedAsync),
            ("Applying config/samples: the database, the app and the static-IP frontend", InfrastructureAsync),
            ($"First release: {StableLabel}", FirstReleaseAsync),
            ("Steady load through the NLB's static port", StartLoadAsync),
            ($"Releasing {CandidateLabel} under load ({scenario.Name}: {scenario.Summary})", SecondReleaseAsync),
        };
        foreach (var (title, body) in plan)
        {
            if (!await StepAsync(title, body, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        if (load is not null)
        {
            await load.StopAsync().ConfigureAwait(false);
        }

        var final = observer is null ? DemoSnapshot.Empty : await FinalSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return new DemoResult(scenario, steps, final, load?.Timeline, loadOrigin, StableLabel, CandidateLabel, outcome, faultAt, brokenUntil, frontend);
    }

    public async ValueTask DisposeAsync()
    {
        if (load is not null)
        {
            await load.DisposeAsync().ConfigureAwait(false);
        }

        if (observer is not null)
        {
            await observer.DisposeAsync().ConfigureAwait(false);
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> StepAsync(string title, Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        observer?.Step(title);
        if (observer is null)
        {
            progress.Note(TimeSpan.Zero, "== " + title);
        }

        var started = time.GetTimestamp();
        string? error = null;
        try
        {
            await body(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DemoStepFailedException or k8s.Autorest.HttpOperationException or HttpRequestException or IOException
            or InvalidOperationException)
        {
            error = e is k8s.Autorest.HttpOperationException http ? $"{e.Message}: {http.Response?.Content}" : e.Message;
            observer?.Note("failed: " + error);
        }

        steps.Add(new DemoStepResult(title, time.GetElapsedTime(started), error));
        return error is null;
    }

    private async Task StartSandboxAsync(CancellationToken cancellationToken)
    {
        Sandbox = await DemoSandbox.StartAsync(settings, paths.Crds, paths.Output, cancellationToken).ConfigureAwait(false);
        observer = new DemoObserver(Sandbox.Client, Names, progress, time, settings.PollInterval);
        observer.Note($"Kubernetes API {Sandbox.Kube.BaseAddress.ToString().TrimEnd('/')} (kubeconfig {Path.GetRelativePath(Directory.GetCurrentDirectory(), Sandbox.Kubeconfig)})");
        observer.Note($"AWS simulator {Sandbox.Aws.Endpoint.ToString().TrimEnd('/')} ({Sandbox.Aws.Region}; simulated AWS durations x{settings.TimeScale.ToString(CultureInfo.InvariantCulture)}, {1 / settings.TimeScale:0} times faster)");
        observer.Note($"installed {string.Join(", ", Sandbox.InstalledCrds)}");
    }

    private async Task StartOperatorAsync(CancellationToken cancellationToken)
    {
        await Started.StartOperatorAsync(settings, cancellationToken).ConfigureAwait(false);
        Observer.Note($"operator health and metrics on {Started.OperatorMetrics}; its log, with the emulator's and the simulator's: {Path.GetRelativePath(Directory.GetCurrentDirectory(), Started.Log.Path)}");
        Observer.Start();
    }

    private Task SeedAsync(CancellationToken cancellationToken)
    {
        var bundle = samples.Of(EbopsKinds.BlueGreenRelease)["spec"]!["version"]!["sourceBundle"]!;
        var urls = DemoBundles.Seed(Started.Aws.World.S3, (string)bundle["s3Bucket"]!, (string)bundle["s3Key"]!, StableLabel, [StableLabel, CandidateLabel]);
        Observer.Note($"{string.Join(", ", urls)} (myapp.jar, Procfile, .ebextensions/)");
        return Task.CompletedTask;
    }

    private async Task InfrastructureAsync(CancellationToken cancellationToken)
    {
        if (settings.MasterPassword is { } password)
        {
            Observer.Note("created " + await samples.CreateMasterSecretAsync(Started.Client, Namespace, password, cancellationToken).ConfigureAwait(false));
        }

        foreach (var kind in new[] { EbopsKinds.RdsDatabase, EbopsKinds.BeanstalkApp, EbopsKinds.NlbFrontend })
        {
            Observer.Note("created " + await SampleManifests.CreateAsync(Started.Client, Namespace, samples.Of(kind), cancellationToken).ConfigureAwait(false));
        }

        await Observer.WaitAsync(
            s => Ready(s.Database) && Ready(s.App) && Ready(s.Frontend),
            settings.StepTimeout, "the database, the app and the frontend Ready", cancellationToken).ConfigureAwait(false);
    }

    private async Task FirstReleaseAsync(CancellationToken cancellationToken)
    {
        var overrides = settings.ReleaseOverrides(scenario);
        Observer.Note($"created {await SampleManifests.CreateAsync(Started.Client, Namespace, samples.Release(overrides), cancellationToken).ConfigureAwait(false)} with the demo's clocks: {overrides.ToJsonString()}");
        var (first, _) = await WaitForReleaseAsync(StableLabel, 0, cancellationToken).ConfigureAwait(false);
        if (first != ReleaseOutcome.Succeeded)
        {
            throw new DemoStepFailedException($"the first release ended {first}: {Observer.Latest.Release?.Status?.Message}");
        }
    }

    private async Task StartLoadAsync(CancellationToken cancellationToken)
    {
        var status = Observer.Latest.Frontend?.Status;
        var port = Observer.Latest.Frontend?.Spec.Listener.Port ?? 80;
        frontend = status?.DnsName is { } dns ? Elbv2State.For(Started.Aws.World).FindEndpoint(dns, port) : null;
        if (frontend is null)
        {
            throw new DemoStepFailedException($"the NLB {status?.DnsName} has no listener on port {port}");
        }

        var options = new LoadOptions { RequestsPerSecond = settings.RequestsPerSecond, Clients = settings.Clients, KeepAliveFraction = settings.KeepAliveFraction };
        loadOrigin = time.GetUtcNow();
        load = new LoadGenerator(LoadTarget.Endpoint(frontend), options, time);
        Observer.Load = load.Timeline;
        var (kept, fresh, _) = load.Mix;
        Observer.Note(string.Create(CultureInfo.InvariantCulture, $"{settings.RequestsPerSecond} requests/s from {settings.Clients} clients ({kept} on kept-alive connections, {fresh} with a new connection per request) to http://{frontend}/ (NLB {status!.DnsName}, static IPs {string.Join(", ", status.StaticIps ?? [])})"));
        load.Start();
        await Task.Delay(settings.Settle, time, cancellationToken).ConfigureAwait(false);
    }

    private async Task SecondReleaseAsync(CancellationToken cancellationToken)
    {
        var world = Started.Aws.World;
        var before = Observer.Latest.Release?.Status?.History?.FirstOrDefault()?.ReleaseNumber ?? 0;
        if (scenario.Fault == DemoFault.BeforeRelease)
        {
            Break(world);
        }

        var patch = VersionPatch(CandidateLabel);
        await Started.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new k8s.Models.V1Patch(patch.ToJsonString(), k8s.Models.V1Patch.PatchType.MergePatch), EbopsApi.Group, EbopsApi.Version, Namespace,
            EbopsKinds.BlueGreenRelease.Plural, Names.Release, cancellationToken: cancellationToken).ConfigureAwait(false);
        load!.Timeline.Mark($"spec.version {CandidateLabel}");
        Observer.Note($"patched bluegreenreleases/{Names.Release}: spec.version.label {StableLabel} -> {CandidateLabel}");
        if (scenario.Fault == DemoFault.WhenBaking)
        {
            await Observer.WaitAsync(s => s.Release?.Status?.Phase is ReleasePhase.Baking || Ended(s, CandidateLabel, before), settings.StepTimeout, $"{CandidateLabel} Baking", cancellationToken).ConfigureAwait(false);
            Break(world);
        }

        (outcome, brokenUntil) = await WaitForReleaseAsync(CandidateLabel, before, cancellationToken).ConfigureAwait(false);
        if (scenario.Fault == DemoFault.WhenBaking && outcome == ReleaseOutcome.RolledBack)
        {
            brokenUntil = await CandidateRetiredAsync(cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(settings.Settle, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a switch-back the broken candidate still answers the connections opened to it while it had the traffic
    /// (an NLB moves new connections only, and the ALB keeps client connections alive): those clients fail until the
    /// release has retired the candidate's environment and Elastic Beanstalk reports it Terminated (its ALB gone).
    /// Returns when that was.
    /// </summary>
    private async Task<TimeSpan> CandidateRetiredAsync(CancellationToken cancellationToken)
    {
        var environment = Observer.Latest.Release?.Status?.PendingTermination?.EnvironmentName
            ?? throw new DemoStepFailedException($"the rolled-back release names no environment of {CandidateLabel} to retire");
        await Observer.WaitAsync(s => s.Release?.Status?.PendingTermination is null || Stalled(s.Release), settings.StepTimeout,
            $"{environment} retired", cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.StepTimeout);
        try
        {
            while (!await TerminatedAsync(environment, deadline.Token).ConfigureAwait(false))
            {
                if (Stalled(Observer.Latest.Release))
                {
                    throw new DemoStepFailedException($"{environment} was not retired: {Runtime.Status.Conditions.Find(Observer.Latest.Release?.Status, ConditionTypes.Stalled)?.Message}");
                }

                await Task.Delay(settings.PollInterval, time, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DemoStepFailedException($"{environment} was not Terminated within {settings.StepTimeout.TotalMinutes:0} minutes");
        }

        var at = load?.Timeline.Mark($"{CandidateLabel} terminated") ?? TimeSpan.Zero;
        Observer.Note($"{environment} terminated: no client reaches {CandidateLabel} any more");
        return at;
    }

    private async Task<bool> TerminatedAsync(string environment, CancellationToken cancellationToken)
    {
        var described = await Started.ElasticBeanstalk.DescribeEnvironmentsAsync(new() { EnvironmentNames = [environment], IncludeDeleted = false }, cancellationToken)
            .ConfigureAwait(false);
        return (described.Environments ?? []).All(e => e.Status == Aws.ElasticBeanstalk.ElasticBeanstalkStatuses.EnvironmentTerminated);
    }

    /// <summary>The merge patch that releases <paramref name="label"/> (its bundle where the sample's key says).</summary>
    public JsonObject VersionPatch(string label)
    {
        var bundle = samples.Of(EbopsKinds.BlueGreenRelease)["spec"]!["version"]!["sourceBundle"]!;
        return new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["version"] = new JsonObject
                {
                    ["label"] = label,
                    ["sourceBundle"] = new JsonObject { ["s3Bucket"] = (string)bundle["s3Bucket"]!, ["s3Key"] = DemoBundles.KeyOf((string)bundle["s3Key"]!, StableLabel, label) },
                },
            },
        };
    }

    /// <summary>Stores the bundle of another <paramref name="label"/> (for the user to release by hand with --keep).</summary>
    public void SeedBundle(string label)
    {
        var bundle = samples.Of(EbopsKinds.BlueGreenRelease)["spec"]!["version"]!["sourceBundle"]!;
        DemoBundles.Seed(Started.Aws.World.S3, (string)bundle["s3Bucket"]!, (string)bundle["s3Key"]!, StableLabel, [label]);
    }

    private void Break(SimWorld world)
    {
        world.Faults.BreakVersion(CandidateLabel, VersionFaultMode.Http500);
        faultAt = load?.Timeline.Mark($"{CandidateLabel} broken");
        Observer.Note($"the simulator now answers 500 from every instance running {CandidateLabel}");
    }

    private async Task<(ReleaseOutcome Outcome, TimeSpan EndedAt)> WaitForReleaseAsync(string label, int before, CancellationToken cancellationToken)
    {
        var ended = await Observer.WaitAsync(s => Ended(s, label, before) || Stalled(s.Release), settings.StepTimeout, $"the release of {label}", cancellationToken)
            .ConfigureAwait(false);
        if (!Ended(ended, label, before))
        {
            throw new DemoStepFailedException($"the release of {label} stalled: {Runtime.Status.Conditions.Find(ended.Release?.Status, ConditionTypes.Stalled)?.Message}");
        }

        var record = ended.Release!.Status!.History![0];
        Observer.Note($"release of {label}: {record.Outcome}" + (record.Reason is { } reason ? $" ({reason})" : ""));
        return (record.Outcome, load?.Timeline.Now ?? TimeSpan.Zero);
    }

    private async Task<DemoSnapshot> FinalSnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Observer.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
        {
            return Observer.Latest;
        }
    }

    private static bool Ready(ICustomResource? resource) => Runtime.Status.Conditions.IsTrue(resource?.StatusBase, ConditionTypes.Ready);

    private static bool Stalled(ICustomResource? resource) => Runtime.Status.Conditions.IsTrue(resource?.StatusBase, ConditionTypes.Stalled);

    // The release of label ended once the newest history record is for it and newer than the one before it started.
    private static bool Ended(DemoSnapshot snapshot, string label, int before) =>
        snapshot.Release?.Status?.History?.FirstOrDefault() is { } newest && newest.Version == label && (newest.ReleaseNumber ?? int.MaxValue) > before;
}
