using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Election;
using Ebops.Operator.Runtime.Hosting;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>One operator runtime in-process, with the trivial controller, metrics on a free loopback port.</summary>
internal sealed class RuntimeUnderTest : IAsyncDisposable
{
    private bool stopped;

    private RuntimeUnderTest(WebApplication app, ReconcileLog log)
    {
        App = app;
        Log = log;
    }

    public WebApplication App { get; }

    public ReconcileLog Log { get; }

    public Uri Metrics { get; private set; } = null!;

    public ControllerService<Widget> Controller => (ControllerService<Widget>)App.Services.GetServices<IControllerRunner>().Single();

    public LeaderElection Election => App.Services.GetRequiredService<LeaderElection>();

    public static async Task<RuntimeUnderTest> StartAsync(KubeTarget target, CancellationToken cancellationToken,
        IDictionary<string, string?>? settings = null, IKubernetes? client = null, Func<ControllerOptions, ControllerOptions>? configure = null,
        Action<IServiceCollection>? register = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Operator:MetricsPort"] = "0",
            ["Operator:MetricsAddress"] = "127.0.0.1",
            ["Operator:Namespace"] = target.Namespace,
            ["Operator:MaxConcurrentReconciles"] = "4",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var log = new ReconcileLog();
        var app = OperatorHost.Build(overrides, services =>
        {
            services.AddSingleton(client ?? target.Client());
            services.AddSingleton(log);
            if (register is null)
            {
                services.AddController<Widget, ReadyController>(configure);
            }
            else
            {
                register(services);
            }
        });
        var runtime = new RuntimeUnderTest(app, log);
        await app.StartAsync(cancellationToken);
        runtime.Metrics = OperatorHost.MetricsAddress(app);
        return runtime;
    }

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
