using System.Globalization;
using Spectre.Console;

namespace Ebops.Bench.Release;

/// <summary>The results as a table: Spectre.Console's when the output is a terminal, plain aligned text otherwise.</summary>
internal static class ResultsTable
{
    private static readonly MetricColumn[] ReleaseColumns =
    [
        new("failedRequests", "failed", "N0"),
        new("failedRate", "failed %", "P3"),
        new("cutoverSeconds", "cut-over s", "F1"),
        new("fullShiftSeconds", "full shift s", "F1"),
        new("p50Ms", "p50 ms", "F1"),
        new("p99Ms", "p99 ms", "F1"),
        new("doubleCapacityMinutes", "2x capacity min", "F1"),
        new("releaseMinutes", "release min", "F1"),
        new("requests", "requests", "N0"),
        new("requestsPerSecond", "req/s", "F0"),
    ];

    public static void Write(IReadOnlyList<StrategyResult> results, TextWriter output) =>
        Write("strategy", [.. results.Select(r => new CaseResult(r.Strategy, r.Metrics))], ReleaseColumns, output);

    /// <summary>One row per result, one column per <paramref name="columns"/> entry; a missing figure is <c>never</c>.</summary>
    public static void Write(string first, IReadOnlyList<CaseResult> results, IReadOnlyList<MetricColumn> columns, TextWriter output)
    {
        var rows = results.Select(r => (Strategy: r.Name, Cells: columns.Select(c => Cell(r, c.Metric, c.Format)).ToArray())).ToList();
        if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn(first);
            foreach (var column in columns)
            {
                table.AddColumn(new TableColumn(column.Header).RightAligned());
            }

            foreach (var (strategy, cells) in rows)
            {
                table.AddRow([Markup.Escape(strategy), .. cells.Select(Markup.Escape)]);
            }

            AnsiConsole.Write(table);
            return;
        }

        var headers = new[] { first }.Concat(columns.Select(c => c.Header)).ToArray();
        var lines = rows.Select(r => new[] { r.Strategy }.Concat(r.Cells).ToArray()).Prepend(headers).ToList();
        var widths = Enumerable.Range(0, headers.Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
        foreach (var line in lines)
        {
            output.WriteLine(string.Join("  ", line.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
        }
    }

    private static string Cell(CaseResult result, string metric, string format) =>
        result[metric] is { } value && double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "never";
}
