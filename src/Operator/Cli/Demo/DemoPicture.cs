using System.Globalization;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The timeline picture: requests per second by version and failures through the frontend, every second of the load,
/// with the release's phases and the demo's own moments (the version bump, the fault) as labelled dashed lines.
/// </summary>
internal static class DemoPicture
{
    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg; returns both paths (none when no load ran).</summary>
    public static IReadOnlyList<string> Save(DemoResult result, string pathWithoutExtension)
    {
        if (result.Load is not { } load || load.Count == 0)
        {
            return [];
        }

        var title = string.Create(CultureInfo.InvariantCulture,
            $"ebops demo ({result.Scenario.Name}): {result.StableLabel} -> {result.CandidateLabel}, {result.Outcome?.ToString() ?? "unfinished"}, failed requests: {result.Summary.Failed}");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension))!);
        // The last second is cut short by the end of the load: drawn, it would look like a drop.
        var buckets = load.Buckets();
        var complete = buckets.Count > 1 ? buckets.Take(buckets.Count - 1).ToList() : buckets;
        var (png, svg) = LoadChart.Save([new LoadChartPanel(title, complete, TimeSpan.FromSeconds(1), load.Marks())], LoadChartAxis.Seconds, pathWithoutExtension);
        return [png, svg];
    }
}
