using System.Globalization;
using System.Text;
using ScottPlot;

namespace Ebops.Bench.Release;

/// <summary>
/// Requests per second by version and failures over time, one panel per strategy (x: simulated minutes since the
/// bench started, each point a bucket of 10 simulated seconds at its middle; dashed lines: cut-overs), written as PNG
/// and SVG.
/// </summary>
internal static class ReleaseChart
{
    private const int Width = 1200;
    private const int PanelHeight = 320;

    public static void Save(IReadOnlyList<StrategyResult> results, string pathWithoutExtension)
    {
        var plots = results.Select(Panel).ToList();
        var multiplot = new Multiplot();
        multiplot.Reset(plots[0]);
        foreach (var plot in plots.Skip(1))
        {
            multiplot.AddPlot(plot);
        }

        multiplot.SavePng(pathWithoutExtension + ".png", Width, PanelHeight * plots.Count);

        // ScottPlot writes one plot per SVG: the panels are stacked in one document.
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{Width}" height="{PanelHeight * plots.Count}">""");
        for (var i = 0; i < plots.Count; i++)
        {
            var panel = plots[i].GetSvgXml(Width, PanelHeight);
            panel = panel[panel.IndexOf("<svg", StringComparison.Ordinal)..];
            svg.Append(CultureInfo.InvariantCulture, $"""<g transform="translate(0,{i * PanelHeight})">""").Append(panel).Append("</g>");
        }

        File.WriteAllText(pathWithoutExtension + ".svg", svg.Append("</svg>").ToString());
    }

    private static Plot Panel(StrategyResult result)
    {
        var plot = new Plot();
        double Minutes(TimeSpan real) => real.TotalMinutes / result.TimeScale;
        var perSecond = 1 / result.BucketWidth.TotalSeconds;
        var xs = result.Buckets.Select(b => Minutes(b.Start + (result.BucketWidth / 2))).ToArray();
        plot.Add.Palette = new ScottPlot.Palettes.Category20();

        // Versions in the order they first answered (v1, v2, ..., v10).
        foreach (var version in result.Buckets.SelectMany(b => b.ByVersion.Keys).Distinct())
        {
            var line = plot.Add.ScatterLine(xs, result.Buckets.Select(b => b.ByVersion.GetValueOrDefault(version) * perSecond).ToArray());
            line.LegendText = version;
        }

        var failed = plot.Add.ScatterLine(xs, result.Buckets.Select(b => b.Failed * perSecond).ToArray());
        failed.LegendText = "failed";
        failed.Color = Colors.Red;
        failed.LineWidth = 2;
        foreach (var cutover in result.Cutovers)
        {
            var marker = plot.Add.VerticalLine(Minutes(cutover));
            marker.LinePattern = LinePattern.Dashed;
            marker.Color = Colors.Gray;
            marker.LineWidth = 1;
        }

        plot.Title(result.Strategy);
        plot.XLabel("simulated minutes");
        plot.YLabel("requests/s");
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
