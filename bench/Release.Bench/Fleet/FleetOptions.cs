using System.CommandLine;

namespace Ebops.Bench.Release.Fleet;

/// <summary>Options the fleet scenarios share, and how they report (table, and JSON with --json).</summary>
internal static class FleetOptions
{
    public static Option<double> TimeScale(double fallback) =>
        new("--time-scale") { Description = "Real seconds per simulated second (AWS durations, the operator's poll interval and requeues, release durations).", DefaultValueFactory = _ => fallback };

    public static Option<int> Workers() =>
        new("--workers") { Description = "The operator's --max-concurrent-reconciles (its default: 2).", DefaultValueFactory = _ => 2 };

    public static Option<string> Operator() =>
        new("--operator") { Description = "The ebops.dll to start (for example a ReadyToRun publish, as the image ships); default: the build next to this benchmark." };

    public static Option<string> Json() => new("--json") { Description = "Write the results as JSON to this path." };

    public static Option<string> Logs() =>
        new("--logs") { Description = "Directory for the operator's output.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "ebops-bench") };

    /// <summary>Prints the table and writes the JSON when asked; returns the exit code.</summary>
    public static async Task<int> ReportAsync(string scenario, IReadOnlyList<CaseResult> results, IReadOnlyList<MetricColumn> columns, string? json, CancellationToken cancellationToken)
    {
        ResultsTable.Write("case", results, columns, Console.Out);
        if (json is not null)
        {
            var path = await ResultsJson.WriteAsync(json, ResultsJson.Render(scenario, "case", results), cancellationToken);
            Console.WriteLine($"wrote {path}");
        }

        return 0;
    }
}
