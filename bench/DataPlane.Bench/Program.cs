// Data-plane benchmark: how fast simulated instances start, and what a client loop through an NLB listener sees while
// the listener is switched from blue's ALB to green's. Prints numbers; asserts nothing.
//   dotnet run --project bench/DataPlane.Bench -c Release -- [instances=200] [requests=6000] [concurrency=16]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Ebops.Sandbox.Aws.DataPlane;

var instanceCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var time = TimeProvider.System;

// 1. Start-up cost of instance servers.
var watch = Stopwatch.StartNew();
var servers = new List<InstanceServer>();
for (var i = 0; i < instanceCount; i++)
{
    servers.Add(new InstanceServer($"i-{i:x17}", "1.0.0", time: time));
}

var started = watch.Elapsed;
using (var probe = new HttpClient())
{
    foreach (var server in servers)
    {
        await probe.GetStringAsync(new Uri($"http://{server.Endpoint}/"));
    }
}

var answered = watch.Elapsed;
foreach (var server in servers)
{
    await server.DisposeAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instances: {instanceCount} started in {started.TotalMilliseconds:F1} ms ({started.TotalMilliseconds * 1000 / instanceCount:F0} us each); all answered after {answered.TotalMilliseconds:F1} ms"));

// 2. Blue/green through an NLB listener under load.
var settings = new HealthCheckSettings("HTTP", "/", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), 2, 2);
var owned = new List<IAsyncDisposable>();
(AlbProxy Alb, TargetGroupRuntime AlbGroup) Environment(string colour, string version)
{
    var instances = new TargetGroupRuntime($"{colour}-instances", settings, time);
    owned.Add(instances);
    for (var i = 0; i < 3; i++)
    {
        var server = new InstanceServer($"i-{colour}{i}", version, time: time);
        owned.Add(server);
        instances.Register(server.InstanceId, server.Endpoint);
    }

    instances.InUse = true;
    var alb = new AlbProxy($"{colour}-alb", time) { TargetGroup = instances, ClientKeepAlive = TimeSpan.FromSeconds(1) };
    owned.Add(alb);
    var albGroup = new TargetGroupRuntime($"{colour}-alb-tg", settings, time);
    owned.Add(albGroup);
    albGroup.Register(colour, alb.Endpoint);
    albGroup.InUse = true;
    return (alb, albGroup);
}

var (blueAlb, blueGroup) = Environment("blue", "1.0.0");
var (greenAlb, greenGroup) = Environment("green", "1.0.1");
var nlb = new NlbListenerProxy { TargetGroup = blueGroup };
owned.Add(nlb);
var ready = Stopwatch.StartNew();
while ((blueGroup.Describe()[0].State != TargetHealthStates.Healthy || greenGroup.Describe()[0].State != TargetHealthStates.Healthy) && ready.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(50);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blue and green alb target groups healthy after {ready.Elapsed.TotalMilliseconds:F0} ms (interval 200 ms, threshold 2)"));

using var keepAlive = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
var results = new ConcurrentBag<(bool KeepAlive, long At, string Version, double Ms)>();
var failures = 0;
var sequence = 0;
long switchedAt = 0;
var load = Stopwatch.StartNew();

async Task WorkerAsync(HttpClient client, bool isKeepAlive)
{
    while (Interlocked.Increment(ref sequence) is var n && n <= requests)
    {
        if (n == requests / 3)
        {
            nlb.TargetGroup = greenGroup;
            Interlocked.Exchange(ref switchedAt, load.ElapsedTicks);
        }

        var begin = load.Elapsed;
        try
        {
            var body = await client.GetStringAsync(new Uri($"http://{nlb.Endpoint}/"));
            using var json = JsonDocument.Parse(body);
            results.Add((isKeepAlive, load.ElapsedTicks, json.RootElement.GetProperty("version").GetString()!, (load.Elapsed - begin).TotalMilliseconds));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            Interlocked.Increment(ref failures);
        }
    }
}

await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => i % 2 == 0 ? WorkerAsync(keepAlive, true) : WorkerAsync(fresh, false))));
var elapsed = load.Elapsed;
var latencies = results.Select(r => r.Ms).Order().ToList();
double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, p * latencies.Count)];
string LastBlue(bool isKeepAlive)
{
    var last = results.Where(r => r.KeepAlive == isKeepAlive && r.Version == "1.0.0" && r.At > switchedAt).Select(r => r.At).DefaultIfEmpty(switchedAt).Max();
    return string.Create(CultureInfo.InvariantCulture, $"{(last - switchedAt) * 1000.0 / Stopwatch.Frequency:F0} ms");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {requests} requests, {concurrency} workers (half keep-alive, half new connection each), {elapsed.TotalSeconds:F2} s, {requests / elapsed.TotalSeconds:F0} req/s"));
Console.WriteLine($"failed requests: {failures}");
Console.WriteLine($"answers: 1.0.0={results.Count(r => r.Version == "1.0.0")} 1.0.1={results.Count(r => r.Version == "1.0.1")}");
Console.WriteLine($"last blue answer after the switch: new connections {LastBlue(false)}, keep-alive {LastBlue(true)} (ALB client keep-alive 1 s)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency through NLB+ALB: p50 {Percentile(0.5):F2} ms, p99 {Percentile(0.99):F2} ms, max {Percentile(1):F2} ms"));
Console.WriteLine($"alb 5xx: blue {blueAlb.Counters.Status5xx}, green {greenAlb.Counters.Status5xx}; nlb accepted {nlb.AcceptedConnections}, rejected {nlb.RejectedConnections}");

for (var i = owned.Count - 1; i >= 0; i--)
{
    await owned[i].DisposeAsync();
}
