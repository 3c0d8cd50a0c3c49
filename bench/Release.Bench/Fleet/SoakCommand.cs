using System.CommandLine;
using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary><c>soak</c>: rounds of a new version for every application; the operator's memory after each round.</summary>
internal static class SoakCommand
{
    private static readonly MetricColumn[] Columns =
    [
        new("rssMb", "RSS MB", "F0"),
        new("managedHeapMb", "managed heap MB", "F1"),
        new("releasesSucceeded", "succeeded", "N0"),
        new("releasesFailed", "failed", "N0"),
        new("roundMinutes", "round sim min", "F1"),
        new("cpuSeconds", "CPU s", "F0"),
    ];

    public static Command Create()
    {
        var apps = new Option<int>("--apps") { Description = "Applications (four objects each).", DefaultValueFactory = _ => 20 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of a new version for every application.", DefaultValueFactory = _ => 10 };
        var throttling = new Option<bool>("--throttling") { Description = "AWS's API rate limits in the simulator.", DefaultValueFactory = _ => false };
        var timeout = new Option<double>("--timeout") { Description = "Real minutes each wait may take.", DefaultValueFactory = _ => 30 };
        var scale = FleetOptions.TimeScale(0.05);
        var workers = FleetOptions.Workers();
        var json = FleetOptions.Json();
        var logs = FleetOptions.Logs();
        var dll = FleetOptions.Operator();
        var command = new Command("soak", "Rounds of a new version for every application: the operator's RSS and managed heap after each round, releases succeeded and failed.")
        {
            apps, rounds, throttling, timeout, scale, workers, json, logs, dll,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new FleetSettings
            {
                Apps = parse.GetValue(apps), TimeScale = parse.GetValue(scale), Throttling = parse.GetValue(throttling), Workers = parse.GetValue(workers), LogDirectory = parse.GetValue(logs)!,
                OperatorDll = parse.GetValue(dll),
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak: {settings.Apps} applications, {parse.GetValue(rounds)} rounds, throttling {(settings.Throttling ? "on" : "off")}, time scale {settings.TimeScale}, {settings.Workers} workers per kind; operator {settings.OperatorDll ?? "next to this benchmark"}; logs in {settings.LogDirectory}"));
            var results = await new SoakScenario(settings, parse.GetValue(rounds), TimeSpan.FromMinutes(parse.GetValue(timeout)), Console.Out).RunAsync(cancellationToken);
            return await FleetOptions.ReportAsync("soak", results, Columns, parse.GetValue(json), cancellationToken);
        });
        return command;
    }
}
