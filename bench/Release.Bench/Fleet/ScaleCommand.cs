using System.CommandLine;
using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary><c>scale</c>: N applications created at once, then released, against the simulator with AWS's rate limits.</summary>
internal static class ScaleCommand
{
    private static readonly MetricColumn[] Columns =
    [
        new("readyMinutes", "all Ready min", "F1"),
        new("firstReleasesFailed", "first failed", "N0"),
        new("releaseMinutes", "all released min", "F1"),
        new("releasesSucceeded", "released", "N0"),
        new("releasesFailed", "failed", "N0"),
        new("awsCallsPerObject", "AWS calls/object", "F1"),
        new("throttledCalls", "throttled", "N0"),
        new("retries", "retries", "N0"),
        new("duplicateAwsObjects", "duplicates", "N0"),
        new("peakRssMb", "peak RSS MB", "F0"),
        new("cpuSeconds", "CPU s", "F0"),
    ];

    public static Command Create()
    {
        var apps = new Option<int[]>("--apps") { Description = "Applications (four objects each); several values run one after the other.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [100] };
        var throttling = new Option<bool>("--throttling") { Description = "AWS's API rate limits in the simulator.", DefaultValueFactory = _ => true };
        var timeout = new Option<double>("--timeout") { Description = "Real minutes each wait may take.", DefaultValueFactory = _ => 60 };
        var scale = FleetOptions.TimeScale(0.05);
        var workers = FleetOptions.Workers();
        var json = FleetOptions.Json();
        var logs = FleetOptions.Logs();
        var dll = FleetOptions.Operator();
        var command = new Command("scale", "N applications created at once, then a new version of each, with AWS throttling: times, AWS calls, duplicates, memory, CPU.")
        {
            apps, throttling, timeout, scale, workers, json, logs, dll,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var results = new List<CaseResult>();
            foreach (var count in parse.GetValue(apps)!)
            {
                var settings = new FleetSettings
                {
                    Apps = count, TimeScale = parse.GetValue(scale), Throttling = parse.GetValue(throttling), Workers = parse.GetValue(workers), LogDirectory = parse.GetValue(logs)!,
                    OperatorDll = parse.GetValue(dll),
                };
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"scale: {count} applications, throttling {(settings.Throttling ? "on" : "off")}, time scale {settings.TimeScale} (1 simulated minute = {60 * settings.TimeScale:F1} s), {settings.Workers} workers per kind, releases {(FleetRun.ReleasesReconciled ? "reconciled" : "not reconciled by this build")}; operator {settings.OperatorDll ?? "next to this benchmark"}; logs in {settings.LogDirectory}"));
                results.Add(await new ScaleScenario(settings, TimeSpan.FromMinutes(parse.GetValue(timeout)), Console.Out).RunAsync(cancellationToken));
            }

            return await FleetOptions.ReportAsync("scale", results, Columns, parse.GetValue(json), cancellationToken);
        });
        return command;
    }
}
