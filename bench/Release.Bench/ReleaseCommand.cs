using System.CommandLine;
using System.Globalization;
using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary><c>release</c>: every strategy through K releases under steady load; a table, and with --json the JSON and the chart.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var defaults = new ReleaseOptions();
        var releases = new Option<int>("--releases") { Description = "Releases per strategy, back to back.", DefaultValueFactory = _ => defaults.Releases };
        var rate = new Option<double>("--rate") { Description = "Requests per second of all clients (real time).", DefaultValueFactory = _ => defaults.RequestsPerSecond };
        var clients = new Option<int>("--clients") { Description = "Clients sending the load.", DefaultValueFactory = _ => defaults.Clients };
        var keepAlive = new Option<double>("--keep-alive") { Description = "Fraction of clients on one kept-alive connection (the others open one per request).", DefaultValueFactory = _ => defaults.KeepAliveFraction };
        var scale = new Option<double>("--time-scale") { Description = "Real seconds per simulated second.", DefaultValueFactory = _ => defaults.TimeScale };
        var instances = new Option<int>("--instances") { Description = "Instances per environment.", DefaultValueFactory = _ => defaults.Instances };
        var ttl = new Option<int>("--dns-ttl") { Description = "TTL of environment CNAMEs, simulated seconds.", DefaultValueFactory = _ => (int)defaults.DnsTtl.TotalSeconds };
        var jvm = new Option<double>("--jvm-cache") { Description = "Fraction of clients caching DNS answers for ever (JVM default with a security manager).", DefaultValueFactory = _ => defaults.JvmCachingFraction };
        var retention = new Option<int>("--blue-retention") { Description = "cname-swap: simulated seconds between the swap and blue's termination.", DefaultValueFactory = _ => (int)defaults.BlueRetention.TotalSeconds };
        var settle = new Option<int>("--settle") { Description = "Simulated seconds of steady load before, between and after releases.", DefaultValueFactory = _ => (int)defaults.Settle.TotalSeconds };
        var strategies = new Option<string[]>("--strategy") { Description = "Strategies to run (default: all).", AllowMultipleArgumentsPerToken = true };
        var json = new Option<string>("--json") { Description = "Write the results as JSON to this path (and the chart next to it, .png and .svg)." };
        var command = new Command("release", "K releases back to back under steady load, every strategy side by side.")
        {
            releases, rate, clients, keepAlive, scale, instances, ttl, jvm, retention, settle, strategies, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ReleaseOptions
            {
                Releases = parse.GetValue(releases),
                RequestsPerSecond = parse.GetValue(rate),
                Clients = parse.GetValue(clients),
                KeepAliveFraction = parse.GetValue(keepAlive),
                TimeScale = parse.GetValue(scale),
                Instances = parse.GetValue(instances),
                DnsTtl = TimeSpan.FromSeconds(parse.GetValue(ttl)),
                JvmCachingFraction = parse.GetValue(jvm),
                BlueRetention = TimeSpan.FromSeconds(parse.GetValue(retention)),
                Settle = TimeSpan.FromSeconds(parse.GetValue(settle)),
                Strategies = parse.GetValue(strategies) ?? [],
            };
            return await RunAsync(options, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ReleaseOptions options, string? json, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"release: {options.Releases} releases per strategy, {options.RequestsPerSecond} req/s from {options.Clients} clients ({options.KeepAliveFraction:P0} kept alive, {options.JvmCachingFraction:P0} caching DNS for ever), {options.Instances} instances, time scale {options.TimeScale} (1 simulated minute = {60 * options.TimeScale:F1} s)"));
        IReadOnlyList<StrategyResult> results;
        var scenario = new ReleaseScenario(options, Console.Out);
        try
        {
            results = await scenario.RunAsync(cancellationToken);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        ResultsTable.Write(results, Console.Out);
        if (json is not null)
        {
            var full = Path.GetFullPath(json);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, ResultsJson.Render("release", results), cancellationToken);
            var chart = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full));
            // x: simulated minutes since the bench started, each point a bucket of 10 simulated seconds; dashed: cut-overs.
            LoadChart.Save(
                [.. results.Select(r => new LoadChartPanel(r.Strategy, r.Buckets, r.BucketWidth, [.. r.Cutovers.Select(c => new LoadMark("", c))]))],
                LoadChartAxis.SimulatedMinutes(options.TimeScale),
                chart);
            Console.WriteLine($"wrote {full}, {chart}.png, {chart}.svg");
        }

        if (scenario.Failed.Count > 0)
        {
            Console.Error.WriteLine($"failed strategies (not in the results): {string.Join(", ", scenario.Failed)}");
            return 1;
        }

        return 0;
    }
}
