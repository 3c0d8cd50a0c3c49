using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Sandbox.Load;
using k8s;
using k8s.Autorest;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// Reads the four sample objects every poll interval, adds the load's last complete second, publishes each
/// <see cref="DemoSnapshot"/> to the progress, and completes the waits whose condition a snapshot meets. The one
/// reader of the cluster, so the progress and the steps see the same state.
/// </summary>
internal sealed class DemoObserver : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly DemoNames names;
    private readonly IDemoProgress progress;
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private readonly long started;
    private readonly CustomObjectClient<RdsDatabase> databases;
    private readonly CustomObjectClient<BeanstalkApp> apps;
    private readonly CustomObjectClient<NlbFrontend> frontends;
    private readonly CustomObjectClient<BlueGreenRelease> releases;
    private readonly List<(Func<DemoSnapshot, bool> Until, TaskCompletionSource<DemoSnapshot> Done)> waits = [];
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;
    private DemoSnapshot latest = DemoSnapshot.Empty;
    private string step = "";

    public DemoObserver(IKubernetes client, DemoNames names, IDemoProgress progress, TimeProvider time, TimeSpan interval)
    {
        this.names = names;
        this.progress = progress;
        this.time = time;
        this.interval = interval;
        started = time.GetTimestamp();
        databases = new(client);
        apps = new(client);
        frontends = new(client);
        releases = new(client);
    }

    /// <summary>The load whose seconds the snapshots report (set when it starts).</summary>
    public LoadTimeline? Load { get; set; }

    public TimeSpan Elapsed => time.GetElapsedTime(started);

    public DemoSnapshot Latest
    {
        get
        {
            lock (gate)
            {
                return latest;
            }
        }
    }

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Names the step in progress; the progress shows it at once.</summary>
    public void Step(string text)
    {
        DemoSnapshot snapshot;
        lock (gate)
        {
            step = text;
            latest = latest with { Elapsed = Elapsed, Step = text };
            snapshot = latest;
        }

        progress.Show(snapshot);
    }

    /// <summary>A one-off line under the current step.</summary>
    public void Note(string line) => progress.Note(Elapsed, "   " + line);

    /// <summary>The first snapshot that meets <paramref name="until"/>; a <see cref="DemoStepFailedException"/> naming
    /// <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public async Task<DemoSnapshot> WaitAsync(Func<DemoSnapshot, bool> until, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<DemoSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (until(latest))
            {
                return latest;
            }

            waits.Add((until, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new DemoStepFailedException($"{what}: not after {timeout.TotalSeconds:0} s");
        }
        finally
        {
            lock (gate)
            {
                waits.RemoveAll(w => w.Done == done);
            }
        }
    }

    /// <summary>Reads everything once more and publishes it (the final state, after the steps).</summary>
    public async Task<DemoSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
        Publish(snapshot);
        return snapshot;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    Publish(await ReadAsync(cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is HttpOperationException or HttpRequestException)
                {
                    // A failed read leaves the last snapshot in place; the next tick reads again.
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<DemoSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var ns = names.Namespace;
        var database = databases.GetAsync(ns, names.Database, cancellationToken);
        var app = apps.GetAsync(ns, names.App, cancellationToken);
        var frontend = frontends.GetAsync(ns, names.Frontend, cancellationToken);
        var release = releases.GetAsync(ns, names.Release, cancellationToken);
        await Task.WhenAll(database, app, frontend, release).ConfigureAwait(false);
        lock (gate)
        {
            return new DemoSnapshot(Elapsed, step, database.Result, app.Result, frontend.Result, release.Result, Traffic());
        }
    }

    private void Publish(DemoSnapshot snapshot)
    {
        List<TaskCompletionSource<DemoSnapshot>> met;
        lock (gate)
        {
            // Each phase the release enters under load is a mark on the load's timeline (the picture draws them).
            if (Load is { } load && snapshot.Release?.Status?.Phase is { } phase && phase != latest.Release?.Status?.Phase)
            {
                load.Mark(phase.ToString());
            }

            latest = snapshot;
            met = [.. waits.Where(w => w.Until(snapshot)).Select(w => w.Done)];
        }

        progress.Show(snapshot);
        foreach (var done in met)
        {
            done.TrySetResult(snapshot);
        }
    }

    // The last complete second of the load, and its totals so far (null before a second is complete).
    private DemoTraffic? Traffic()
    {
        if (Load is not { } load)
        {
            return null;
        }

        var second = TimeSpan.FromSeconds(Math.Floor(load.Now.TotalSeconds) - 1);
        if (second < TimeSpan.Zero)
        {
            return null;
        }

        var samples = load.Samples();
        var failedTotal = samples.Count(s => s.Failed);
        var bucket = LoadTimeline.Buckets(samples.Where(s => s.At >= second && s.At < second + TimeSpan.FromSeconds(1))).FirstOrDefault();
        return new DemoTraffic(second, bucket?.ByVersion ?? new Dictionary<string, int>(), bucket?.Failed ?? 0, samples.Count, failedTotal);
    }
}
