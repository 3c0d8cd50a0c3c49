using System.Globalization;
using Spectre.Console;

namespace Ebops.Bench.Release;

/// <summary>The results as a table: Spectre.Console's when the output is a terminal, plain aligned text otherwise.</summary>
internal static class ResultsTable
{
    private static readonly (string Metric, string Header, string Format)[] Columns =
    [
        ("failedRequests", "failed", "N0"),
        ("failedRate", "failed %", "P3"),
        ("cutoverSeconds", "cut-over s", "F1"),
        ("fullShiftSeconds", "full shift s", "F1"),
        ("p50Ms", "p50 ms", "F1"),
        ("p99Ms", "p99 ms", "F1"),
        ("doubleCapacityMinutes", "2x capacity min", "F1"),
        ("releaseMinutes", "release min", "F1"),
        ("requests", "requests", "N0"),
        ("requestsPerSecond", "req/s", "F0"),
    ];

    public static void Write(IReadOnlyList<StrategyResult> results, TextWriter output)
    {
        var rows = results.Select(r => (r.Strategy, Cells: Columns.Select(c => Cell(r, c.Metric, c.Format)).ToArray())).ToList();
        if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("strategy");
            foreach (var column in Columns)
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

        var headers = new[] { "strategy" }.Concat(Columns.Select(c => c.Header)).ToArray();
        var lines = rows.Select(r => new[] { r.Strategy }.Concat(r.Cells).ToArray()).Prepend(headers).ToList();
        var widths = Enumerable.Range(0, headers.Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
        foreach (var line in lines)
        {
            output.WriteLine(string.Join("  ", line.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
        }
    }

    private static string Cell(StrategyResult result, string metric, string format) =>
        result.Metrics.FirstOrDefault(m => m.Key == metric).Value is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "never";
}
