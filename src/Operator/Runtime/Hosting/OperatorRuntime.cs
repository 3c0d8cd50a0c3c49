using Ebops.Operator.Runtime.Controllers;
using Ebops.Operator.Runtime.Election;
using Ebops.Operator.Runtime.Watch;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Starts and stops every registered controller (and the Secret watcher when a controller references Secrets).
/// With leader election, controllers start only once this replica leads; on stop it takes no new work, lets
/// in-flight reconciles finish within ShutdownTimeout while still renewing the lease, then releases the lease.
/// Losing the lease while running stops the process (exit code 1), like controller-runtime.
/// </summary>
internal sealed class OperatorRuntime(
    IServiceProvider services,
    IOptions<OperatorOptions> options,
    RuntimeHealth health,
    SecretDependencyIndex secretIndex,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<OperatorRuntime> logger) : IHostedService
{
    private readonly CancellationTokenSource electionStop = new();
    private readonly CancellationTokenSource secretWatchStop = new();
    private readonly object gate = new();
    private IReadOnlyList<IControllerRunner> runners = [];
    private ResourceWatcher<V1Secret>? secretWatcher;
    private Task? secretWatchLoop;
    private LeaderElection? election;
    private Task? electionLoop;
    private bool started;

    /// <summary>Non-zero when the runtime wants the process to fail (lost leadership).</summary>
    public int ExitCode { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        runners = [.. services.GetServices<IControllerRunner>()];
        foreach (var runner in runners)
        {
            health.Track(runner);
        }

        if (runners.Count == 0)
        {
            Log.NoControllers(logger);
        }

        if (services.GetService<ControllerRegistry>()?.ReferencesSecrets == true)
        {
            var client = services.GetRequiredService<IKubernetes>();
            secretWatcher = new ResourceWatcher<V1Secret>("Secret", new SecretWatchSource(client, Empty(settings.Namespace)),
                secretIndex.SecretChanged, new WatcherOptions { FilterByGeneration = false, AnnotationPrefix = null }, time, logger);
            health.TrackSynced(() => secretWatcher.IsSynced);
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

        if (wasStarted)
        {
            await Task.WhenAll(runners.Select(r => r.StopAsync(deadline))).ConfigureAwait(false);
        }

        await secretWatchStop.CancelAsync().ConfigureAwait(false);
        if (secretWatchLoop is not null)
        {
            await secretWatchLoop.ConfigureAwait(false);
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
        }

        foreach (var runner in runners)
        {
            runner.Start();
        }

        if (secretWatcher is { } watcher)
        {
            secretWatchLoop = Task.Run(() => watcher.RunAsync(secretWatchStop.Token));
        }

        Log.RuntimeStarted(logger, runners.Count, options.Value.LeaderElect, $"{options.Value.MetricsAddress}:{options.Value.MetricsPort}");
    }

    private void LostLeadership()
    {
        ExitCode = 1;
        lifetime.StopApplication();
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
