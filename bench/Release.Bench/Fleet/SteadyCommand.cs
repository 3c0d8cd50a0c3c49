using System.CommandLine;
using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary><c>steady</c>: converged applications left alone: AWS calls per object per poll interval, Kubernetes requests per reconcile.</summary>
internal static class SteadyCommand
{
    private static readonly MetricColumn[] Columns =
    [
        new("awsCallsPerObjectPerPoll", "AWS calls/object/poll", "F3"),
        new("kubeRequestsPerReconcile", "kube req/reconcile", "F3"),
        new("reconcilesPerObjectPerPoll", "reconciles/object/poll", "F2"),
        new("awsCallsPerReconcile", "AWS calls/reconcile", "F2"),
        new("cpuSecondsPerSimulatedHour", "CPU s/sim h", "F1"),
        new("rssMb", "RSS MB", "F0"),
    ];

    public static Command Create()
    {
        var apps = new Option<int>("--apps") { Description = "Applications (four objects each).", DefaultValueFactory = _ => 500 };
        var minutes = new Option<double>("--minutes") { Description = "Simulated minutes left alone once converged.", DefaultValueFactory = _ => 30 };
        var throttling = new Option<bool>("--throttling") { Description = "AWS's API rate limits in the simulator.", DefaultValueFactory = _ => false };
        var timeout = new Option<double>("--timeout") { Description = "Real minutes convergence may take.", DefaultValueFactory = _ => 60 };
        var scale = FleetOptions.TimeScale(0.05);
        var workers = FleetOptions.Workers();
        var json = FleetOptions.Json();
        var logs = FleetOptions.Logs();
        var dll = FleetOptions.Operator();
        var command = new Command("steady", "Converged applications left alone: AWS calls per object per poll interval, Kubernetes API requests per reconcile.")
        {
            apps, minutes, throttling, timeout, scale, workers, json, logs, dll,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new FleetSettings
            {
                Apps = parse.GetValue(apps), TimeScale = parse.GetValue(scale), Throttling = parse.GetValue(throttling), Workers = parse.GetValue(workers), LogDirectory = parse.GetValue(logs)!,
                OperatorDll = parse.GetValue(dll),
                // The window measures a converged fleet: the first releases may take the whole convergence timeout.
                ProgressDeadlineSeconds = (int)Math.Clamp(Math.Ceiling(TimeSpan.FromMinutes(parse.GetValue(timeout)).TotalSeconds), 60, 86400),
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"steady: {settings.Apps} applications, {parse.GetValue(minutes)} simulated minutes, poll interval {settings.PollInterval.TotalMinutes} min, resync {settings.ResyncPeriod.TotalMinutes} min, throttling {(settings.Throttling ? "on" : "off")}, time scale {settings.TimeScale}; operator logs in {settings.LogDirectory}"));
            var result = await new SteadyScenario(settings, TimeSpan.FromMinutes(parse.GetValue(minutes)), TimeSpan.FromMinutes(parse.GetValue(timeout)), Console.Out).RunAsync(cancellationToken);
            return await FleetOptions.ReportAsync("steady", [result], Columns, parse.GetValue(json), cancellationToken);
        });
        return command;
    }
}
