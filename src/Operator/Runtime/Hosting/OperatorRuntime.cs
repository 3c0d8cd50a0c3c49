using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Election;
using Ebops.Operator.Runtime.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Starts and stops the informers (every cached kind, and Secrets when a controller is registered) and every
/// registered controller; workers start once every informer has listed, like controller-runtime's WaitForCacheSync.
/// With leader election, all of it starts only once this replica leads; on stop it takes no new work, lets in-flight
/// reconciles finish within ShutdownTimeout while still renewing the lease, then releases the lease. Losing the lease
/// while running stops the process (exit code 1), like controller-runtime.
/// </summary>
internal sealed class OperatorRuntime(
    IServiceProvider services,
    IOptions<OperatorOptions> options,
    RuntimeHealth health,
    IHostApplicationLifetime lifetime,
    ILogger<OperatorRuntime> logger) : IHostedService
{
    private readonly CancellationTokenSource electionStop = new();
    private readonly CancellationTokenSource informerStop = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly object gate = new();
    private readonly List<Task> informerLoops = [];
    private IReadOnlyList<IControllerRunner> runners = [];
    private IReadOnlyList<IInformer> informers = [];
    private Task? workersStarting;
    private LeaderElection? election;
    private Task? electionLoop;
    private bool started;

    /// <summary>Non-zero when the runtime wants the process to fail (lost leadership).</summary>
    public int ExitCode { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Controllers subscribe to their informers when they are built, so build them before anything runs.
        runners = [.. services.GetServices<IControllerRunner>()];
        var registry = services.GetRequiredService<InformerRegistry>();
        informers = runners.Count > 0 ? registry.All : [.. registry.All.Where(i => i is not SecretInformer)];
        services.GetRequiredService<DependencyIndex>().Attach(registry);
        foreach (var runner in runners)
        {
            health.Track(runner);
        }

        foreach (var informer in informers)
        {
            health.TrackSynced(() => informer.IsSynced);
        }

        if (runners.Count == 0)
        {
            Log.NoControllers(logger);
        }

        if (!settings.LeaderElect)
        {
            StartControllers();
        }
        else
        {
            election = services.GetRequiredService<LeaderElection>();
            health.UseElection(election);
            electionLoop = Task.Run(async () =>
            {
                try
                {
                    await election.RunAsync(StartControllers, LostLeadership, electionStop.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    health.MarkFaulted();
                    Log.ElectionError(logger, e);
                }
            }, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = options.Value.ShutdownTimeout;
        Log.RuntimeStopping(logger, deadline);
        election?.BeginStop();
        bool wasStarted;
        lock (gate)
        {
            wasStarted = started;
            started = true; // a leadership win during shutdown must not start anything any more
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        if (wasStarted)
        {
            // Workers first (they may still read the caches), then the informers.
            await workersStarting!.ConfigureAwait(false);
            await Task.WhenAll(runners.Select(r => r.StopAsync(deadline))).ConfigureAwait(false);
            await informerStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(informerLoops).ConfigureAwait(false);
        }

        if (election is not null)
        {
            // Only after in-flight work is done: the lease kept being renewed until here.
            await electionStop.CancelAsync().ConfigureAwait(false);
            if (electionLoop is not null)
            {
                await electionLoop.ConfigureAwait(false);
            }

            await election.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void StartControllers()
    {
        lock (gate)
        {
            if (started)
            {
                return;
            }

            started = true;
            foreach (var informer in informers)
            {
                informerLoops.Add(RunInformerAsync(informer));
            }

            workersStarting = StartWorkersWhenSyncedAsync();
        }

        Log.RuntimeStarted(logger, runners.Count, options.Value.LeaderElect, $"{options.Value.MetricsAddress}:{options.Value.MetricsPort}");
    }

    private async Task StartWorkersWhenSyncedAsync()
    {
        try
        {
            await Task.WhenAll(informers.Select(i => i.Synced)).WaitAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        foreach (var runner in runners)
        {
            runner.Start();
        }
    }

    private async Task RunInformerAsync(IInformer informer)
    {
        try
        {
            await Task.Run(() => informer.RunAsync(informerStop.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (informerStop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            health.MarkFaulted();
            Log.LoopFaulted(logger, e, informer.Kind);
        }
    }

    private void LostLeadership()
    {
        ExitCode = 1;
        lifetime.StopApplication();
    }
}
