using System.Globalization;
using System.Text;
using ScottPlot;

namespace Ebops.Sandbox.Load;

/// <summary>
/// Requests per second by version and failures over time, one panel per <see cref="LoadChartPanel"/> stacked top to
/// bottom, written as PNG and SVG (the benchmarks' charts and the demo's timeline). Each point is a bucket at its
/// middle; versions are drawn in the order they first answered, failures in red, marks as dashed grey lines.
/// </summary>
public static class LoadChart
{
    public const int Width = 1200;
    public const int PanelHeight = 320;

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg; returns both paths.</summary>
    public static (string Png, string Svg) Save(IReadOnlyList<LoadChartPanel> panels, LoadChartAxis axis, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfZero(panels.Count);
        var plots = panels.Select(p => Panel(p, axis)).ToList();
        var multiplot = new Multiplot();
        multiplot.Reset(plots[0]);
        foreach (var plot in plots.Skip(1))
        {
            multiplot.AddPlot(plot);
        }

        var png = pathWithoutExtension + ".png";
        var svgPath = pathWithoutExtension + ".svg";
        multiplot.SavePng(png, Width, PanelHeight * plots.Count);

        // ScottPlot writes one plot per SVG: the panels are stacked in one document.
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{Width}" height="{PanelHeight * plots.Count}">""");
        for (var i = 0; i < plots.Count; i++)
        {
            var panel = plots[i].GetSvgXml(Width, PanelHeight);
            panel = panel[panel.IndexOf("<svg", StringComparison.Ordinal)..];
            svg.Append(CultureInfo.InvariantCulture, $"""<g transform="translate(0,{i * PanelHeight})">""").Append(panel).Append("</g>");
        }

        File.WriteAllText(svgPath, svg.Append("</svg>").ToString());
        return (png, svgPath);
    }

    private static Plot Panel(LoadChartPanel panel, LoadChartAxis axis)
    {
        var plot = new Plot();
        var perSecond = 1 / panel.BucketWidth.TotalSeconds;
        var xs = panel.Buckets.Select(b => axis.Position(b.Start + (panel.BucketWidth / 2))).ToArray();
        // Versions in the order they first answered (v1, v2, ..., v10); ten distinct colours while they suffice.
        var versions = panel.Buckets.SelectMany(b => b.ByVersion.Keys).Distinct().ToList();
        plot.Add.Palette = versions.Count <= 10 ? new ScottPlot.Palettes.Category10() : new ScottPlot.Palettes.Category20();
        foreach (var version in versions)
        {
            var line = plot.Add.ScatterLine(xs, panel.Buckets.Select(b => b.ByVersion.GetValueOrDefault(version) * perSecond).ToArray());
            line.LegendText = version;
        }

        var failed = plot.Add.ScatterLine(xs, panel.Buckets.Select(b => b.Failed * perSecond).ToArray());
        failed.LegendText = "failed";
        failed.Color = Colors.Red;
        failed.LineWidth = 2;

        // Room above the highest point for the marks' labels, which run down from the top beside their line.
        var highest = panel.Buckets.Select(b => Math.Max(b.Failed, b.ByVersion.Values.DefaultIfEmpty(0).Max()) * perSecond).DefaultIfEmpty(0).Max();
        var top = Math.Max(1, highest) * 1.6;
        plot.Axes.SetLimitsY(0, top);
        foreach (var mark in panel.Marks)
        {
            var x = axis.Position(mark.At);
            var marker = plot.Add.VerticalLine(x);
            marker.LinePattern = LinePattern.Dashed;
            marker.Color = Colors.Gray;
            marker.LineWidth = 1;
            if (mark.Name.Length > 0)
            {
                var label = plot.Add.Text(mark.Name, x, top);
                label.LabelRotation = 90;
                label.LabelAlignment = Alignment.LowerLeft;
                label.LabelFontSize = 10;
                label.LabelFontColor = Colors.DimGray;
                label.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
                label.OffsetX = 2;
                label.OffsetY = 4;
            }
        }

        plot.Title(panel.Title);
        plot.XLabel(axis.Label);
        plot.YLabel("requests/s");
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
