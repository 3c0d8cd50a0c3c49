using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Api;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;
using k8s;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// Whole releases in process, on a fake clock: the Kubernetes API emulator (with the ebops CRDs), the AWS simulator
/// (realistic durations, real data plane) and the operator (<see cref="OperatorInstance"/>: the runtime with all the
/// controllers, as <c>ebops run</c> composes them), all driven as a discrete-event simulation: <see cref="SettleAsync"/>
/// waits until nothing is left to do at the current instant (no reconcile queued or running, every write delivered to
/// the caches, every health-check round finished), then <see cref="StepAsync"/> jumps the clock to the next timer.
/// A release of simulated hours runs in seconds. Reused by the crash, fault and benchmark suites: start one, apply
/// objects, <see cref="RunUntilAsync{T}"/>, assert on <see cref="Sim"/>'s call log; <see cref="CrashAsync"/> and
/// <see cref="StartOperatorAsync"/> restart the operator mid-flight. Keep timers on the fake clock deterministic: an
/// instance answering slowly (<c>BreakVersion Slow</c>) waits on the clock and is not usable here.
/// </summary>
internal sealed class ReleaseWorld : IAsyncDisposable
{
    public const string Cluster = "ebops-test";
    public const string Namespace = "default";
    public const string Bucket = "bundles";

    /// <summary>A Monday, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string directory;
    private readonly IDictionary<string, string?> settings;

    private ReleaseWorld(DiscreteClock clock, KubeApiEmulator kube, AwsSimulator aws, string directory, IDictionary<string, string?> settings)
    {
        Clock = clock;
        Kube = kube;
        Aws = aws;
        this.directory = directory;
        this.settings = settings;
        Writes = new KubeWrites(Activity);
        Kubeconfig = kube.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig), new KubeWriteHandler(Writes));
        aws.World.Calls.Logged += _ => Activity.Pulse();
        clock.Armed += Activity.Pulse;
    }

    public DiscreteClock Clock { get; }

    public Activity Activity { get; } = new();

    public KubeWrites Writes { get; }

    public KubeApiEmulator Kube { get; }

    public AwsSimulator Aws { get; }

    public SimWorld Sim => Aws.World;

    public string Kubeconfig { get; }

    /// <summary>The test's own client (kubectl's part): its writes are tracked like the operator's.</summary>
    public IKubernetes Client { get; }

    public OperatorInstance Operator { get; private set; } = null!;

    /// <summary>Every log line of every operator instance of this world.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>How many operator instances ran (1 + restarts).</summary>
    public int Starts { get; private set; }

    /// <param name="settings">Configuration of the operator (e.g. <c>Controllers:BusyRequeue</c>), kept across restarts.</param>
    /// <param name="configure">Simulator options (timing, faults, services).</param>
    public static async Task<ReleaseWorld> StartAsync(IDictionary<string, string?>? settings = null, Action<AwsSimulatorOptions>? configure = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new DiscreteClock(Start);
        var kube = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions(), ct);
        kube.ApplyManifests(RepoPaths.Config("crds"));
        var options = new AwsSimulatorOptions { TimeProvider = clock, Timing = new SimTiming(1), MaxClockSkew = null };
        configure?.Invoke(options);
        var aws = await AwsSimulator.StartAsync(options, ct);
        aws.World.S3.CreateBucket(Bucket);
        var world = new ReleaseWorld(clock, kube, aws, Directory.CreateTempSubdirectory("ebops-release-").FullName, settings ?? new Dictionary<string, string?>());
        await world.StartOperatorAsync();
        return world;
    }

    /// <summary>A bundle for <paramref name="label"/> at <c>s3://bundles/myapp/&lt;label&gt;.zip</c>.</summary>
    public void PutBundle(string label) => Sim.S3.PutObject(Bucket, ReleaseSamples.BundleKey(label), [1, 2, 3]);

    /// <summary>Starts a (new) operator process against the same cluster and AWS, and waits until its caches are listed.</summary>
    public async Task StartOperatorAsync()
    {
        Writes.ForgetSeen();
        Operator = await OperatorInstance.StartAsync(this, settings, Logs);
        Starts++;
        await Operator.SyncedAsync(Writes, Writes.Keys);
    }

    /// <summary>The operator process dies now (no request of it goes out any more) and is gone once its loops ended.</summary>
    public async Task CrashAsync()
    {
        await Operator.CrashAsync();
        await Operator.DisposeAsync();
    }

    public Task<T> CreateAsync<T>(T entity)
        where T : class, ICustomResource
    {
        var meta = EntityMetadata.For<T>();
        entity.Metadata.NamespaceProperty = Namespace;
        return Client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(entity, meta.Group, meta.Version, Namespace, meta.Plural,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>A merge patch, as <c>kubectl patch --type merge</c> does.</summary>
    public Task<T> PatchAsync<T>(string name, JsonObject patch)
        where T : class, ICustomResource => new CustomObjectClient<T>(Client).PatchAsync(Namespace, name, patch, TestContext.Current.CancellationToken);

    public async Task<T> GetAsync<T>(string name)
        where T : class, ICustomResource =>
        await new CustomObjectClient<T>(Client).GetAsync(Namespace, name, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"{typeof(T).Name} {name} does not exist");

    public async Task<T?> FindAsync<T>(string name)
        where T : class, ICustomResource =>
        await new CustomObjectClient<T>(Client).GetAsync(Namespace, name, TestContext.Current.CancellationToken);

    public async Task DeleteAsync<T>(string name)
        where T : class, ICustomResource
    {
        var meta = EntityMetadata.For<T>();
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(meta.Group, meta.Version, Namespace, meta.Plural, name,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Until nothing is left to do at this instant: no key queued or reconciling (or every reconcile in flight waits on
    /// the clock: see <see cref="OperatorInstance.WaitsOnClock"/>), every write delivered to the operator's caches, every
    /// health-check round finished. Waits on those events, never on time (a hang fails after
    /// <see cref="KubeWait.HangGuard"/> with what was still busy).
    /// </summary>
    public async Task SettleAsync()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(KubeWait.HangGuard);
        try
        {
            while (true)
            {
                var next = Activity.Next;
                await Elbv2State.For(Sim).HealthRoundsAsync().WaitAsync(guard.Token);
                var pending = Operator.Crashed ? [] : Writes.Pending(kind => Operator.Informers.All.Any(i => i.Kind == kind));
                if (Operator.Crashed || ((Operator.IsIdle || Operator.WaitsOnClock) && pending.Count == 0))
                {
                    return;
                }

                await next.WaitAsync(guard.Token);
            }
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Hung at {Clock.GetUtcNow():O}: {Operator.Describe()}; undelivered writes: {string.Join(", ", Writes.Pending(_ => true))}; last AWS calls: {string.Join(" ", Sim.Calls.All.TakeLast(8).Select(c => c.Action))}");
        }
    }

    /// <summary>Settles, then moves the clock to the next timer; false when no timer is armed.</summary>
    public async Task<bool> StepAsync()
    {
        await SettleAsync();
        if (Clock.NextDue is not { } due)
        {
            return false;
        }

        var now = Clock.GetUtcNow();
        Clock.Advance(due > now ? due - now : TimeSpan.FromMilliseconds(1));
        return true;
    }

    /// <summary>Runs the world for <paramref name="duration"/> of simulated time.</summary>
    public async Task RunForAsync(TimeSpan duration)
    {
        var end = Clock.GetUtcNow() + duration;
        while (true)
        {
            await SettleAsync();
            var due = Clock.NextDue;
            var now = Clock.GetUtcNow();
            if (due is null || due > end)
            {
                Clock.Advance(end - now);
                await SettleAsync();
                return;
            }

            Clock.Advance(due.Value > now ? due.Value - now : TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>
    /// Runs the world until <paramref name="condition"/> holds for the object <paramref name="name"/>; fails (with its
    /// status and the operator's warnings) when it does not within <paramref name="within"/> of simulated time.
    /// </summary>
    public async Task<T> RunUntilAsync<T>(string name, Func<T, bool> condition, TimeSpan within, string what, Func<Task>? eachStep = null)
        where T : class, ICustomResource
    {
        var deadline = Clock.GetUtcNow() + within;
        while (true)
        {
            await SettleAsync();
            if (Operator.Crashed)
            {
                // A crash-looping pod is started again at once: same cluster, same AWS, nothing in memory.
                await CrashAsync();
                await StartOperatorAsync();
                continue;
            }

            var current = await FindAsync<T>(name);
            if (current is not null && condition(current))
            {
                return current;
            }

            if (Clock.GetUtcNow() > deadline || !await StepAsync())
            {
                throw new Xunit.Sdk.XunitException($"{what}: not reached by {Clock.GetUtcNow():O}.\n{Describe(current)}");
            }

            if (eachStep is not null)
            {
                await eachStep();
            }
        }
    }

    /// <summary>The object's status and the operator's recent warnings, for failure messages.</summary>
    public string Describe(ICustomResource? entity) =>
        $"status: {(entity?.StatusBase is { } status ? KubernetesJson.Serialize(status) : "none")}\n"
        + string.Join("\n", Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(15));

    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync();
        Client.Dispose();
        await Aws.DisposeAsync();
        await Kube.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
