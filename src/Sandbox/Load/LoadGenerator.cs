namespace Ebops.Sandbox.Load;

/// <summary>
/// Steady HTTP load against a <see cref="LoadTarget"/> for tests, the demo and the benchmarks: N clients, each paced to
/// its share of the target rate (a client that falls behind skips the slots it missed), some on one kept-alive
/// connection each and the others opening a new connection per request, every request recorded in
/// <see cref="Timeline"/>. It drives real sockets on real time; tests use <see cref="BurstAsync"/> and count.
/// <code>
/// await using var load = new LoadGenerator(LoadTarget.Endpoint(nlbListener), new LoadOptions { RequestsPerSecond = 500 });
/// load.Start();
/// ... release ...
/// await load.StopAsync();
/// var summary = load.Timeline.Summarize();
/// </code>
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    private readonly LoadOptions options;
    private readonly TimeProvider clock;
    private readonly List<LoadClient> clients = [];
    private CancellationTokenSource? running;
    private Task runs = Task.CompletedTask;

    /// <param name="target">Where requests go.</param>
    /// <param name="options">Clients, rate, connection and DNS behaviour.</param>
    /// <param name="clock">The real clock the timeline and the pacing read (TimeProvider.System by default).</param>
    /// <param name="timeline">Where requests are recorded (a new timeline on <paramref name="clock"/> by default), so that
    /// marks set before the load starts share its time axis.</param>
    public LoadGenerator(LoadTarget target, LoadOptions options, TimeProvider? clock = null, LoadTimeline? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Clients, ushort.MaxValue, nameof(options));
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        Timeline = timeline ?? new LoadTimeline(this.clock);
        var keepAlive = Spread(options.Clients, options.KeepAliveFraction);
        var (kept, fresh) = (0, 0);
        for (var i = 0; i < options.Clients; i++)
        {
            var newConnection = !keepAlive[i];
            var rank = newConnection ? fresh++ : kept++;
            var ofKind = newConnection ? options.Clients - keepAlive.Count(k => k) : keepAlive.Count(k => k);
            var cacheForever = target.Resolver is not null && Spread(ofKind, options.CacheDnsForeverFraction)[rank];
            clients.Add(new LoadClient(i, target, Timeline, options, newConnection, cacheForever));
        }
    }

    public LoadTimeline Timeline { get; }

    /// <summary>Clients on one kept-alive connection, clients with a new connection per request, clients caching DNS for ever.</summary>
    public (int KeepAlive, int NewConnection, int CacheDnsForever) Mix =>
        (clients.Count(c => !c.NewConnection), clients.Count(c => c.NewConnection), clients.Count(c => c.CachesDnsForever));

    /// <summary>Starts the clients at the target rate until <see cref="StopAsync"/>.</summary>
    public void Start()
    {
        if (running is not null)
        {
            throw new InvalidOperationException("The load is already running.");
        }

        running = new CancellationTokenSource();
        var interval = TimeSpan.FromSeconds(clients.Count / options.RequestsPerSecond);
        var token = running.Token;
        var start = Timeline.Now;
        runs = Task.WhenAll(clients.Select((c, i) => Task.Run(() => PaceAsync(c, interval, start + (interval * i / clients.Count), token), CancellationToken.None)));
    }

    /// <summary>Stops the clients (requests in flight are not recorded).</summary>
    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync().ConfigureAwait(false);
        await runs.ConfigureAwait(false);
        running.Dispose();
        running = null;
    }

    /// <summary>Every client sends <paramref name="requestsPerClient"/> requests, one after another, all clients at once.</summary>
    public Task BurstAsync(int requestsPerClient, CancellationToken cancellationToken = default) =>
        Task.WhenAll(clients.Select(async c =>
        {
            for (var i = 0; i < requestsPerClient; i++)
            {
                await c.SendAsync(cancellationToken).ConfigureAwait(false);
            }
        }));

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    // Spreads floor(count * fraction) "true" evenly over count slots.
    private static bool[] Spread(int count, double fraction) =>
        [.. Enumerable.Range(0, count).Select(i => Math.Floor((i + 1) * fraction) > Math.Floor(i * fraction))];

    // Client i starts at its offset in the interval; a request sent more than an interval late pushes the next one an
    // interval after it (missed slots are skipped, never made up).
    private async Task PaceAsync(LoadClient client, TimeSpan interval, TimeSpan first, CancellationToken cancellationToken)
    {
        var next = first;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = next - Timeline.Now;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }

                var sentAt = Timeline.Now;
                await client.SendAsync(cancellationToken).ConfigureAwait(false);
                next += interval;
                if (next < sentAt)
                {
                    next = sentAt + interval;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
