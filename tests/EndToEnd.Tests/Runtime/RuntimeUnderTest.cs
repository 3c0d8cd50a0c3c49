using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Election;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Metrics;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Tests.Shared;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// One operator runtime in-process, with the trivial controller, metrics of its own on a free loopback port, its
/// requests counted and its reconcile outcomes recorded.
/// </summary>
internal sealed class RuntimeUnderTest : IAsyncDisposable
{
    private bool stopped;

    private RuntimeUnderTest(WebApplication app, ReconcileLog log, OutcomeLog outcomes, RequestCounter requests, string ns)
    {
        App = app;
        Log = log;
        Outcomes = outcomes;
        Requests = requests;
        Namespace = ns;
    }

    public WebApplication App { get; }

    public ReconcileLog Log { get; }

    public OutcomeLog Outcomes { get; }

    /// <summary>The runtime's requests other than list, watch and leases.</summary>
    public RequestCounter Requests { get; }

    public string Namespace { get; }

    public Uri Metrics { get; private set; } = null!;

    public ControllerService<Widget> Controller => (ControllerService<Widget>)App.Services.GetServices<IControllerRunner>().Single();

    public LeaderElection Election => App.Services.GetRequiredService<LeaderElection>();

    public static async Task<RuntimeUnderTest> StartAsync(RuntimeTestBed bed, CancellationToken cancellationToken,
        IDictionary<string, string?>? settings = null, DelegatingHandler? handler = null, Func<ControllerOptions, ControllerOptions>? configure = null,
        Action<IServiceCollection>? register = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Operator:MetricsPort"] = "0",
            ["Operator:MetricsAddress"] = "127.0.0.1",
            ["Operator:Namespace"] = bed.Namespace,
            ["Operator:MaxConcurrentReconciles"] = "4",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var log = new ReconcileLog();
        var outcomes = new OutcomeLog();
        var requests = new RequestCounter();
        var app = OperatorHost.Build(overrides, (services, _) =>
        {
            services.AddSingleton(handler is null ? bed.Kube.Client(requests) : bed.Kube.Client(requests, handler));
            services.AddSingleton(log);
            services.AddSingleton<IReconcileObserver>(outcomes);
            // Metrics of its own: several runtimes share this process, and the default registry would mix their counts.
            services.AddSingleton(new RuntimeMetrics(new Prometheus.CollectorRegistry()));
            if (register is null)
            {
                services.AddController<Widget, ReadyController>(configure);
            }
            else
            {
                register(services);
            }
        });
        var runtime = new RuntimeUnderTest(app, log, outcomes, requests, bed.Namespace);
        await app.StartAsync(cancellationToken);
        runtime.Metrics = OperatorHost.MetricsAddress(app);
        return runtime;
    }

    /// <summary>Until every informer of the runtime finished its first list.</summary>
    public Task SyncedAsync(CancellationToken cancellationToken) =>
        KubeWait.SignalAsync(Task.WhenAll(App.Services.GetRequiredService<InformerRegistry>().All.Select(i => i.Synced)), "the caches sync", cancellationToken);

    /// <summary>Until the runtime's cache holds Widget <paramref name="name"/> in a state that satisfies <paramref name="condition"/>.</summary>
    public Task CachedAsync(string name, Func<Widget, bool> condition, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(Namespace, name);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = Controller.Informer.Watcher;
        watcher.Subscribe(change =>
        {
            if (change.Key == key && change.Current is { } current && condition(current))
            {
                seen.TrySetResult();
            }
        });
        if (watcher.Find(key) is { } now && condition(now))
        {
            seen.TrySetResult();
        }

        return KubeWait.SignalAsync(seen.Task, $"the cache holds {name} as expected", cancellationToken);
    }

    /// <summary>
    /// A task that completes once the runtime's Secret informer has delivered the next change of Secret
    /// <paramref name="name"/> to every handler subscribed before this call (the dependency index among them, which
    /// re-queues the Secret's referrers). Call it before the write; the write's re-queues are then over when it completes.
    /// </summary>
    public Task SecretDeliveredAsync(string name, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(Namespace, name);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secrets = App.Services.GetRequiredService<InformerRegistry>().All.OfType<SecretInformer>().Single();
        secrets.Subscribe(change =>
        {
            if (change.Key == key)
            {
                delivered.TrySetResult();
            }
        });
        return KubeWait.SignalAsync(delivered.Task, $"the Secret informer delivers {name}", cancellationToken);
    }

    /// <summary>Until a reconcile of <paramref name="name"/> ended with <paramref name="outcome"/>.</summary>
    public Task OutcomeAsync(string name, ReconcileOutcome outcome, CancellationToken cancellationToken) =>
        KubeWait.SignalAsync(Outcomes.WhenAsync(all => all.Any(s => s.Key.Name == name && s.Outcome == outcome)), $"{name} reconciled with {outcome}",
            cancellationToken);

    /// <summary>Until <paramref name="name"/> has been reconciled <paramref name="count"/> times in all.</summary>
    public Task ReconciledTimesAsync(string name, int count, CancellationToken cancellationToken) =>
        KubeWait.SignalAsync(Outcomes.WhenAsync(all => all.Count(s => s.Key.Name == name) >= count), $"{name} reconciled {count} times", cancellationToken);

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await App.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
    }
}
