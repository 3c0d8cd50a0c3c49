using System.CommandLine;
using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary><c>startup</c>: process start to the first reconcile, and idle RSS, over several runs (min and median).</summary>
internal static class StartupCommand
{
    private static readonly MetricColumn[] Columns =
    [
        new("startupSeconds", "first reconcile s", "F3"),
        new("startupCpuSeconds", "CPU s by then", "F3"),
        new("listeningSeconds", "listening s", "F3"),
        new("idleRssMb", "idle RSS MB", "F1"),
        new("peakRssMb", "peak RSS MB", "F1"),
        new("convergeSeconds", "converged sim s", "F0"),
    ];

    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Runs, each with a fresh sandbox and operator process.", DefaultValueFactory = _ => 5 };
        var settle = new Option<double>("--settle") { Description = "Real seconds with nothing to do before idle RSS is read.", DefaultValueFactory = _ => 5 };
        var scale = FleetOptions.TimeScale(0.01);
        var json = FleetOptions.Json();
        var logs = FleetOptions.Logs();
        var dll = FleetOptions.Operator();
        var command = new Command("startup", "ebops run: process start to the first reconcile, and idle RSS (min and median of several runs).") { runs, settle, scale, json, logs, dll };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new FleetSettings { Apps = 1, TimeScale = parse.GetValue(scale), LogDirectory = parse.GetValue(logs)!, OperatorDll = parse.GetValue(dll) };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup: {parse.GetValue(runs)} runs, one application (config/samples), time scale {settings.TimeScale}; operator {settings.OperatorDll ?? "next to this benchmark"}; logs in {settings.LogDirectory}"));
            var results = await new StartupScenario(settings, parse.GetValue(runs), TimeSpan.FromSeconds(parse.GetValue(settle)), Console.Out).RunAsync(cancellationToken);
            return await FleetOptions.ReportAsync("startup", results, Columns, parse.GetValue(json), cancellationToken);
        });
        return command;
    }
}
