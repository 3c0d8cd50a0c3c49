using Ebops.Sandbox.Load;

namespace Ebops.Sandbox.Tests.Load;

/// <summary>The shared load chart: one panel per input, written as a PNG and one SVG stacking the panels.</summary>
public sealed class LoadChartTests
{
    [Fact]
    public void Writes_a_png_and_an_svg_with_every_panel_and_labelled_mark()
    {
        var buckets = new List<LoadBucket>
        {
            new(TimeSpan.Zero, new Dictionary<string, int> { ["1.0.1"] = 10 }, 0),
            new(TimeSpan.FromSeconds(1), new Dictionary<string, int> { ["1.0.1"] = 4, ["1.0.2"] = 6 }, 1),
            new(TimeSpan.FromSeconds(2), new Dictionary<string, int> { ["1.0.2"] = 10 }, 0),
        };
        var folder = Directory.CreateTempSubdirectory("ebops-chart-");
        try
        {
            var (png, svg) = LoadChart.Save(
                [
                    new LoadChartPanel("first", buckets, TimeSpan.FromSeconds(1), [new LoadMark("CuttingOver", TimeSpan.FromSeconds(1.5))]),
                    new LoadChartPanel("second", buckets, TimeSpan.FromSeconds(1), [new LoadMark("", TimeSpan.FromSeconds(1))]),
                ],
                LoadChartAxis.Seconds,
                Path.Combine(folder.FullName, "timeline"));

            Assert.Equal(Path.Combine(folder.FullName, "timeline.png"), png);
            var header = File.ReadAllBytes(png)[..8];
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
            var text = File.ReadAllText(svg);
            Assert.StartsWith("<svg", text, StringComparison.Ordinal);
            Assert.Contains($"height=\"{2 * LoadChart.PanelHeight}\"", text, StringComparison.Ordinal);
            Assert.Equal(2, text.Split("<g transform=\"translate(0,").Length - 1);
            foreach (var label in new[] { "first", "second", "1.0.1", "1.0.2", "failed", "CuttingOver", "seconds" })
            {
                Assert.Contains(label, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Simulated_minutes_divide_real_time_by_the_scale()
    {
        var axis = LoadChartAxis.SimulatedMinutes(0.02);
        Assert.Equal(5.0, axis.Position(TimeSpan.FromSeconds(6)), 9);
        Assert.Equal("simulated minutes", axis.Label);
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadChartAxis.SimulatedMinutes(0));
    }
}
