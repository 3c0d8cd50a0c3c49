using System.Globalization;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The end of the demo, in plain text on every output: the <c>kubectl get</c> table of the four kinds, each release's
/// phase durations (status.history), the requests each version served through the frontend, the timeline picture's
/// files, the verdict, and last the line <c>failed requests: N</c>.
/// </summary>
internal static class DemoReport
{
    /// <summary>Writes the report; <paramref name="keep"/> (what --keep leaves running) goes just before the last line.</summary>
    public static void Write(TextWriter output, DemoResult result, string table, IReadOnlyList<string> pictures, (int ExitCode, string Reason) verdict,
        IReadOnlyList<string> keep)
    {
        output.WriteLine();
        output.WriteLine("== kubectl get ebops");
        output.Write(table.Length > 0 ? table : "(no objects)\n");
        output.WriteLine();
        output.WriteLine("== Release phases, seconds (status.history)");
        foreach (var line in PhaseTable(result.Final.Release?.Status?.History ?? []))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        output.WriteLine("== Requests through the NLB");
        foreach (var line in Requests(result.Summary, result.Load?.Now))
        {
            output.WriteLine(line);
        }

        if (result.Load is { } load && FailedFromSwitchBack(load) is { } switchBack)
        {
            output.WriteLine(switchBack);
        }

        if (pictures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"== Timeline: {string.Join(", ", pictures)}");
        }

        output.WriteLine();
        output.WriteLine($"== {(verdict.ExitCode == 0 ? "PASSED" : "FAILED")}: {verdict.Reason}");
        if (keep.Count > 0)
        {
            output.WriteLine();
            foreach (var line in keep)
            {
                output.WriteLine(line);
            }

            output.WriteLine();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed requests: {result.Summary.Failed}"));
        output.Flush();
    }

    /// <summary>One row per release, oldest first; one column per phase that any of them went through, in state-machine order.</summary>
    public static IReadOnlyList<string> PhaseTable(IReadOnlyList<ReleaseRecord> history)
    {
        if (history.Count == 0)
        {
            return ["(no release finished)"];
        }

        var order = Enum.GetNames<ReleasePhase>();
        var phases = history.SelectMany(r => r.PhaseSeconds?.Keys.AsEnumerable() ?? []).Distinct()
            .OrderBy(p => Array.IndexOf(order, p) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p, StringComparer.Ordinal).ToList();
        List<string[]> rows = [["release", "outcome", .. phases, "total"]];
        foreach (var record in history.Reverse())
        {
            var seconds = phases.Select(p => record.PhaseSeconds?.TryGetValue(p, out var s) == true ? s.ToString(CultureInfo.InvariantCulture) : "-");
            var total = record.PhaseSeconds?.Values.Sum() ?? 0;
            rows.Add([record.Version, record.Outcome.ToString(), .. seconds, total.ToString(CultureInfo.InvariantCulture)]);
        }

        return Align(rows, leftColumns: 2);
    }

    /// <summary>Requests answered by each version (in the order they first answered) and when, then the failures.</summary>
    public static IReadOnlyList<string> Requests(LoadSummary summary, TimeSpan? duration)
    {
        if (summary.Total == 0)
        {
            return ["(no load ran)"];
        }

        var rate = duration is { TotalSeconds: > 0 } d ? string.Create(CultureInfo.InvariantCulture, $", {summary.Total / d.TotalSeconds:N0} requests/s over {d.TotalSeconds:F1} s") : "";
        List<string[]> rows = [["version", "requests", "first", "last"]];
        rows.AddRange(summary.Versions.Select(v => new[] { v.Version, v.Count.ToString("N0", CultureInfo.InvariantCulture), Clock(v.FirstAt), Clock(v.LastAt) }));
        rows.Add(["failed", summary.Failed.ToString("N0", CultureInfo.InvariantCulture), "", ""]);
        var kinds = summary.FailuresByKind.Count == 0 ? "" : " (" + string.Join(", ", summary.FailuresByKind.Select(k => $"{k.Key} {k.Value}")) + ")";
        return [string.Create(CultureInfo.InvariantCulture, $"{summary.Total:N0} requests{rate}{kinds}"), .. Align(rows, leftColumns: 1)];
    }

    /// <summary>
    /// After a switch-back, the failures from the first SwitchingBack (or RolledBack) mark on: the requests that still
    /// reached the broken candidate on connections opened to it before the switch, until the NLB closed them. Null when
    /// the release never switched back. The mark is when the demo saw the phase (it polls), not the listener call.
    /// </summary>
    public static string? FailedFromSwitchBack(LoadTimeline load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var mark = load.Marks().FirstOrDefault(m => m.Name is nameof(ReleasePhase.SwitchingBack) or nameof(ReleasePhase.RolledBack));
        return mark is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"failed from {mark.Name} on ({Clock(mark.At)}): {load.Samples(mark.At).LongCount(s => s.Failed):N0}");
    }

    private static string Clock(TimeSpan at) => string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds / 100}");

    // Text columns (the first leftColumns) left-aligned, numbers right-aligned.
    private static List<string> Align(List<string[]> rows, int leftColumns)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return [.. rows.Select(r => string.Join("   ", r.Select((cell, i) => i < leftColumns ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd())];
    }
}
