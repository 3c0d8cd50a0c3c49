using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// Load on every application of the soak, on the simulator's real data plane: through its NLB frontend, or for
/// CnameSwap through its production CNAME (resolved by each client through a cache that honours the record's 60 s
/// TTL on the simulator's clock). Per application a <see cref="LoadGenerator"/> whose clients (half on one kept-alive connection, half opening a connection per request)
/// each send one request after a step of the simulation, once the operator and AWS did all they do at that instant, at
/// most once per simulated second. Every <see cref="Recycle"/> of simulated time the clients close their connections and
/// open new ones, as client connection pools with a maximum connection lifetime do: a kept-alive connection opened
/// before a cut-over stays on blue until then, and blue drains after it. The counts are kept, the timelines dropped.
/// </summary>
internal sealed class SoakLoad : IAsyncDisposable
{
    /// <summary>How long a kept-alive client keeps its connection (simulated time).</summary>
    public static readonly TimeSpan Recycle = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private readonly ReleaseWorld world;
    private readonly LoadOptions options;
    private readonly List<(SoakApp App, LoadTarget Target)> targets;
    private readonly Dictionary<CutoverMethod, (long Requests, long Failed)> counts = [];
    private readonly List<string> failures = [];
    private List<(SoakApp App, LoadGenerator Load)> loads = [];
    private DateTimeOffset opened;
    private DateTimeOffset? lastBurst;

    private SoakLoad(ReleaseWorld world, LoadOptions options, List<(SoakApp, LoadTarget)> targets)
    {
        this.world = world;
        this.options = options;
        this.targets = targets;
        Open();
    }

    /// <summary>Requests and failed requests per cut-over method so far.</summary>
    public IReadOnlyDictionary<CutoverMethod, (long Requests, long Failed)> Counts => counts;

    /// <summary>Every failed request so far (application, simulated time, connection kind, failure).</summary>
    public IReadOnlyList<string> Failures => failures;

    public static async Task<SoakLoad> StartAsync(ReleaseWorld world, IEnumerable<SoakApp> apps, int clients)
    {
        // The request timeout only turns a hung connection into a failure; a request through loopback takes milliseconds.
        var options = new LoadOptions { Clients = clients, KeepAliveFraction = 0.5, RequestTimeout = TimeSpan.FromSeconds(30) };
        var endpoints = Elbv2State.For(world.Sim).Endpoints();
        var resolver = SimulatedDnsResolver.ForEnvironmentCnames(world.Sim);
        var targets = new List<(SoakApp, LoadTarget)>();
        foreach (var app in apps)
        {
            if (app.HasFrontend)
            {
                var arn = (await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(app.Frontend)).Status?.LoadBalancerArn;
                targets.Add((app, LoadTarget.Endpoint(endpoints.Single(e => e.Type == "network" && e.LoadBalancerArn == arn).Loopback)));
            }
            else
            {
                // The production CNAME: the active environment's, which the swap hands to green.
                var environments = (await world.GetAsync<Ebops.Operator.Entities.BeanstalkApp>(app.Name)).Status?.Environments ?? [];
                targets.Add((app, LoadTarget.Hostname(environments.Single(e => e.Active == true).Cname!, resolver)));
            }
        }

        return new SoakLoad(world, options, targets);
    }

    /// <summary>One request from every client of every frontend (none when the last burst was less than a simulated
    /// second ago); the connections are recycled first when they are <see cref="Recycle"/> old.</summary>
    public async Task BurstAsync()
    {
        var now = world.Clock.GetUtcNow();
        if (lastBurst is { } last && now - last < MinInterval)
        {
            return;
        }

        if (now - opened >= Recycle)
        {
            await CloseAsync();
            Open();
        }

        lastBurst = now;
        await Task.WhenAll(loads.Select(l => l.Load.BurstAsync(1, TestContext.Current.CancellationToken)));
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private void Open()
    {
        opened = world.Clock.GetUtcNow();
        loads = [.. targets.Select(t => (t.App, new LoadGenerator(t.Target, options, world.Clock)))];
    }

    /// <summary>Counts the requests of the current generators and closes their connections.</summary>
    private async Task CloseAsync()
    {
        foreach (var (app, load) in loads)
        {
            var samples = load.Timeline.Samples();
            var failed = samples.Where(s => s.Failed).ToList();
            var (requests, failedSoFar) = counts.GetValueOrDefault(app.Cutover);
            counts[app.Cutover] = (requests + samples.Count, failedSoFar + failed.Count);
            // A timeline counts on the world's clock: a sample's time is simulated time since the generator was opened.
            failures.AddRange(failed.Select(s => $"{app.Name} ({app.Cutover}) at {opened + s.At:dd HH:mm:ss.fff}: {s.Failure} on a {(s.NewConnection ? "new" : "kept-alive")} connection"));
            await load.DisposeAsync();
        }

        loads = [];
    }
}
