using Ebops.Operator.Entities;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// Load through every NLB frontend of the soak, on the simulator's real data plane: per frontend a
/// <see cref="LoadGenerator"/> whose clients (half kept alive, half a new connection per request) each send one request
/// after every step of the simulation, once the operator and AWS did all they do at that instant. One set per wave, so
/// the timelines do not grow with the soak.
/// </summary>
internal sealed class SoakLoad : IAsyncDisposable
{
    private readonly List<(SoakApp App, LoadGenerator Load)> loads;
    private readonly DateTimeOffset origin;

    private SoakLoad(List<(SoakApp App, LoadGenerator Load)> loads, DateTimeOffset origin)
    {
        this.loads = loads;
        this.origin = origin;
    }

    public static async Task<SoakLoad> StartAsync(ReleaseWorld world, IEnumerable<SoakApp> apps, int clients)
    {
        // The request timeout only turns a hung connection into a failure; a request through loopback takes milliseconds.
        var options = new LoadOptions { Clients = clients, KeepAliveFraction = 0.5, RequestTimeout = TimeSpan.FromSeconds(30) };
        var endpoints = Elbv2State.For(world.Sim).Endpoints();
        var loads = new List<(SoakApp, LoadGenerator)>();
        foreach (var app in apps.Where(a => a.HasFrontend))
        {
            var arn = (await world.GetAsync<Ebops.Operator.Entities.NlbFrontend>(app.Frontend)).Status?.LoadBalancerArn;
            var endpoint = endpoints.Single(e => e.Type == "network" && e.LoadBalancerArn == arn).Loopback;
            loads.Add((app, new LoadGenerator(LoadTarget.Endpoint(endpoint), options, world.Clock)));
        }

        // The timelines count on the world's clock: a sample's time is simulated time since now.
        return new SoakLoad(loads, world.Clock.GetUtcNow());
    }

    /// <summary>One request from every client of every frontend.</summary>
    public Task BurstAsync() => Task.WhenAll(loads.Select(l => l.Load.BurstAsync(1, TestContext.Current.CancellationToken)));

    /// <summary>Requests and failed requests per cut-over method, and each failed request (application, simulated time,
    /// connection kind, failure).</summary>
    public (Dictionary<CutoverMethod, (long Requests, long Failed)> ByMethod, List<string> Failures) Count()
    {
        var byMethod = new Dictionary<CutoverMethod, (long, long)>();
        var failures = new List<string>();
        foreach (var (app, load) in loads)
        {
            var samples = load.Timeline.Samples();
            var failed = samples.Where(s => s.Failed).ToList();
            var (requests, failedSoFar) = byMethod.GetValueOrDefault(app.Cutover);
            byMethod[app.Cutover] = (requests + samples.Count, failedSoFar + failed.Count);
            failures.AddRange(failed.Select(s => $"{app.Name} ({app.Cutover}) at {origin + s.At:HH:mm:ss.fff}: {s.Failure} on a {(s.NewConnection ? "new" : "kept-alive")} connection"));
        }

        return (byMethod, failures);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, load) in loads)
        {
            await load.DisposeAsync();
        }
    }
}
