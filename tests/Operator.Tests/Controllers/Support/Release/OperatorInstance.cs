using System.Reflection;
using Amazon.Runtime;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Cli;
using Ebops.Operator.Resources;
using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Metrics;
using Ebops.Operator.Runtime.Queue;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Tests.Shared;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// One operator process, in process: the real host (<c>ebops run</c>'s composition: runtime, AWS clients, the four
/// controllers) on the world's clock, talking to the emulator through a <see cref="KubeWriteHandler"/> and to the
/// simulator with one attempt per call (the runtime retries). <see cref="CrashAsync"/> kills it: every request it would
/// make from then on fails, then it is stopped.
/// </summary>
internal sealed class OperatorInstance : IAsyncDisposable, IReconcileObserver
{
    private readonly Activity activity;
    private readonly KubeWriteHandler handler;
    private readonly SimWorld sim;
    private readonly CountingClock awsClock;
    private List<Func<int>> snapshotWaits = [];
    private string? outage;
    private bool stopped;

    private OperatorInstance(WebApplication app, KubeWriteHandler handler, Activity activity, SimWorld sim, CountingClock awsClock)
    {
        App = app;
        this.awsClock = awsClock;
        this.handler = handler;
        this.activity = activity;
        this.sim = sim;
    }

    public WebApplication App { get; }

    /// <summary>Reconciles that ended, by kind and outcome (for assertions and diagnostics).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Kind, string Name, ReconcileOutcome Outcome)> Outcomes { get; } = new();

    public IReadOnlyList<IControllerRunner> Runners => [.. App.Services.GetServices<IControllerRunner>()];

    public InformerRegistry Informers => App.Services.GetRequiredService<InformerRegistry>();

    public bool Crashed => handler.Crashed;

    public static async Task<OperatorInstance> StartAsync(ReleaseWorld world, IDictionary<string, string?> settings, CapturingLoggerProvider logs)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Operator:MetricsPort"] = "0",
            ["Operator:MetricsAddress"] = "127.0.0.1",
            ["Operator:Namespace"] = ReleaseWorld.Namespace,
            ["Operator:ShutdownTimeout"] = "00:00:30",
            ["Controllers:ClusterName"] = ReleaseWorld.Cluster,
            ["Aws:Region"] = world.Aws.Region,
            ["Aws:EndpointUrl"] = world.Aws.Endpoint.ToString(),
            ["Release:ProbeProxy"] = world.Aws.Endpoint.ToString(),
            ["Aws:MaxAttempts"] = "1",
        };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        var handler = new KubeWriteHandler(world.Writes);
        var awsClock = new CountingClock(world.Clock);
        OperatorInstance? instance = null;
        IServiceCollection registered = null!;
        var app = OperatorHost.Build(overrides, (services, configuration) =>
        {
            registered = services;
            services.AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
            services.AddSingleton<TimeProvider>(world.Clock);
            services.AddSingleton<IKubernetes>(new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(world.Kubeconfig), handler));
            services.AddSingleton(new RuntimeMetrics(new Prometheus.CollectorRegistry()));
            services.AddSingleton(new Ebops.Operator.Controllers.BlueGreenRelease.ReleaseMetrics(new Prometheus.CollectorRegistry()));
            services.AddSingleton<IReconcileObserver>(_ => instance!);
            // The simulator's fixed key instead of the credential chain; signed with the fake clock, which it accepts. The
            // retry backoff's jitter is seeded like the simulator, so retry timings repeat from run to run.
            services.AddSingleton(sp => new AwsClientFactory(sp.GetRequiredService<IOptions<AwsOptions>>(), awsClock, sp.GetRequiredService<ILoggerFactory>(),
                _ => null, new BasicAWSCredentials(world.Aws.AccessKeyId, world.Aws.SecretAccessKey), jitter: new AwsRetryJitter(world.Sim.Options.Seed)));
            RunVerb.ConfigureControllers(services, configuration);
        });
        instance = new OperatorInstance(app, handler, world.Activity, world.Sim, awsClock);
        instance.snapshotWaits = SnapshotWaits(app.Services, registered, world.Activity.Pulse);
        await app.StartAsync(TestContext.Current.CancellationToken);
        instance.Follow(world.Writes);
        return instance;
    }

    /// <summary>Feeds what each informer sees into <paramref name="writes"/> once its first list is done.</summary>
    private void Follow(KubeWrites writes)
    {
        foreach (var informer in Informers.All)
        {
            // Subscribed after the runtime's own handlers: when this one runs, the keys the event queues are queued.
            informer.Subscribe(change => writes.Seen(change.Kind, change.Key, informer.ResourceVersionOf(change.Key)));
        }
    }

    /// <summary>Records what every informer holds now (after their first list) for the writes the world made.</summary>
    public async Task SyncedAsync(KubeWrites writes, IEnumerable<(string Kind, ResourceKey Key)> keys)
    {
        await KubeWait.SignalAsync(Task.WhenAll(Informers.All.Select(i => i.Synced)), "the operator's caches sync", TestContext.Current.CancellationToken);
        foreach (var (kind, key) in keys)
        {
            if (Informers.All.FirstOrDefault(i => i.Kind == kind) is { } informer)
            {
                writes.Seen(kind, key, informer.ResourceVersionOf(key));
            }
        }
    }

    /// <summary>Nothing queued and nothing in flight in any controller (delayed keys wait on the clock).</summary>
    public bool IsIdle => Runners.Select(QueueOf).All(q => q.Depth == 0 && q.InFlight == 0);

    /// <summary>
    /// Nothing can move before the clock does: every reconcile in flight waits on it (the AWS clients' rate limiter, or
    /// an AWS call the simulator holds for an injected latency: a reconcile makes one call at a time), and no queued key
    /// has a free worker. Idle counts too.
    /// </summary>
    public bool WaitsOnClock
    {
        get
        {
            var queues = Runners.Select(r => (Queue: QueueOf(r), Workers: WorkersOf(r))).ToList();
            var inFlight = queues.Sum(q => q.Queue.InFlight);
            return queues.All(q => q.Queue.Depth == 0 || q.Queue.InFlight >= q.Workers) && inFlight == ClockWaits;
        }
    }

    private int InFlight => Runners.Sum(r => QueueOf(r).InFlight);

    /// <summary>Reconciles parked on the clock: the rate limiter's and the retry backoff's waits, calls held by injected
    /// latency, and readers held by another reconcile's snapshot load (that load is one of the others).</summary>
    private int ClockWaits => awsClock.Waiting + sim.Faults.Delaying + snapshotWaits.Sum(w => w());

    /// <summary>
    /// The <c>Waiting</c> counts of everything in the resource managers that holds a reconcile back behind another
    /// (their snapshot readers' loads, the listener's gate), each made to wake a settle up when a caller starts waiting.
    /// </summary>
    private static List<Func<int>> SnapshotWaits(IServiceProvider provider, IServiceCollection services, Action pulse)
    {
        var waits = new List<Func<int>>();
        var managers = services.Where(d => d.Lifetime == ServiceLifetime.Singleton && d.ServiceType.Namespace?.StartsWith("Ebops.Operator.Resources", StringComparison.Ordinal) == true)
            .Select(d => d.ServiceType).Distinct();
        foreach (var type in managers)
        {
            var manager = provider.GetService(type);
            var held = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(SnapshotReader<>))
                .Select(f => f.GetValue(manager)).Append(manager);
            foreach (var holder in held.OfType<object>())
            {
                var waiting = holder.GetType().GetProperty("Waiting", typeof(int));
                var started = holder.GetType().GetProperty("WaitStarted", typeof(Action));
                if (waiting is not null && started is not null)
                {
                    waits.Add(() => (int)waiting.GetValue(holder)!);
                    // A caller that starts waiting changes the count with no other event: it wakes a settle up.
                    started.SetValue(holder, pulse);
                }
            }
        }

        return waits.Count > 0 ? waits : throw new InvalidOperationException("no snapshot reader found in the resource managers");
    }

    /// <summary>What each controller is busy with, for a hang's diagnostics.</summary>
    public string Describe() => string.Join(", ", Runners.Select(r => $"{r.Kind}: {QueueOf(r).Depth} queued, {QueueOf(r).InFlight} in flight, {QueueOf(r).Delayed} delayed"))
        + $"; waiting on the clock: {awsClock.Waiting} rate limited, {sim.Faults.Delaying} AWS calls delayed";

    private static int WorkersOf(IControllerRunner runner) =>
        Math.Max(1, ((ControllerOptions)runner.GetType().GetField("options", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(runner)!).Workers);

    private static WorkQueue<ResourceKey> QueueOf(IControllerRunner runner) =>
        (WorkQueue<ResourceKey>)runner.GetType().GetProperty(nameof(ControllerService<Ebops.Operator.Entities.BlueGreenRelease>.Queue))!.GetValue(runner)!;

    public void Processed(string kind, ResourceKey key, ReconcileOutcome outcome)
    {
        Outcomes.Enqueue((kind, key.Name, outcome));
        activity.Pulse();
    }

    /// <summary>
    /// The process dies now: every Kubernetes request it makes from here fails, and so does every AWS call (an outage
    /// of every service until it is gone: the simulator cannot tell its calls from its successor's). Callable from
    /// inside a request (the simulator's call log, a write's response) so nothing runs after the point of death.
    /// </summary>
    public void Crash()
    {
        if (handler.Crashed)
        {
            return;
        }

        handler.Crash();
        outage = sim.Faults.Add(FaultRule.Outage(null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Id;
    }

    /// <summary>Crashes (when not crashed yet) and waits for the dead process's loops to end; AWS answers again afterwards.</summary>
    public async Task CrashAsync()
    {
        Crash();
        await StopAsync();
        if (outage is { } id)
        {
            sim.Faults.Remove(id);
            outage = null;
        }
    }

    /// <summary>
    /// Stops the host. Its stop waits for the reconciles in flight, with deadlines on the world's clock: while every one
    /// of them waits on that clock (a rate limiter's wait, a delayed AWS call), the clock moves to its next timer, as
    /// time passes for a process being stopped.
    /// </summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        var stopping = App.StopAsync(CancellationToken.None);
        while (!stopping.IsCompleted)
        {
            var next = activity.Next;
            // Stopping, queued keys no longer start: only the reconciles in flight count.
            if (!IsIdle && InFlight > 0 && InFlight == ClockWaits && awsClock.Clock.NextDue is { } due)
            {
                var now = awsClock.Clock.GetUtcNow();
                awsClock.Clock.Advance(due > now ? due - now : TimeSpan.FromMilliseconds(1));
                continue;
            }

            await Task.WhenAny(stopping, next);
        }

        await stopping;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
    }
}
