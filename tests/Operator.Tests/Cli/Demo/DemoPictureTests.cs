using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Tests.Cli.Demo;

/// <summary>The timeline picture: a PNG and an SVG of the load with the phases marked; nothing without a load.</summary>
public sealed class DemoPictureTests
{
    [Fact]
    public void Writes_png_and_svg_with_the_title_versions_and_phase_marks()
    {
        var load = new LoadTimeline();
        for (var second = 0; second < 6; second++)
        {
            load.Record(0, TimeSpan.FromSeconds(second + 0.1), 200, LoadFailure.None, second < 3 ? "1.0.1" : "1.0.2", false, false);
        }

        load.Mark("Verifying");
        load.Mark("Baking");
        var folder = Directory.CreateTempSubdirectory("ebops-picture-");
        try
        {
            var result = new DemoResult(DemoScenario.Default, [], DemoSnapshot.Empty, load, DateTimeOffset.UnixEpoch, "1.0.1", "1.0.2",
                ReleaseOutcome.Succeeded, null, null, null);

            var files = DemoPicture.Save(result, Path.Combine(folder.FullName, "out", "timeline"));

            Assert.Equal([Path.Combine(folder.FullName, "out", "timeline.png"), Path.Combine(folder.FullName, "out", "timeline.svg")], files);
            Assert.True(new FileInfo(files[0]).Length > 1000);
            var svg = File.ReadAllText(files[1]);
            foreach (var text in new[] { "ebops demo (default): 1.0.1 -&gt; 1.0.2, Succeeded, failed requests: 0", "Verifying", "Baking", "1.0.1", "1.0.2" })
            {
                Assert.Contains(text, svg, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_a_load_there_is_no_picture()
    {
        var result = new DemoResult(DemoScenario.Default, [], DemoSnapshot.Empty, null, DateTimeOffset.UnixEpoch, "1.0.1", "1.0.2", null, null, null, null);
        Assert.Empty(DemoPicture.Save(result, Path.Combine(Path.GetTempPath(), "never", "timeline")));
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "never")));
    }
}
