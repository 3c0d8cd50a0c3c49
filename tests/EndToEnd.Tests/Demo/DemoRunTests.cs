using Ebops.Operator.Cli;
using Ebops.Operator.Cli.Demo;

namespace Ebops.EndToEnd.Tests.Demo;

/// <summary>
/// The whole default demo in-process, in plain mode, as the README's first command runs it: exit 0, the report, the
/// pictures, and the last line <c>failed requests: 0</c>. About a minute of real time and both cores: it runs with
/// EBOPS_LONG_TESTS=1, and CI runs the demo once more as a process (.ci/run).
/// </summary>
public sealed class DemoRunTests
{
    [Fact]
    public async Task The_default_scenario_releases_under_load_without_a_failed_request()
    {
        if (Environment.GetEnvironmentVariable("EBOPS_LONG_TESTS") != "1")
        {
            Assert.Skip("about a minute with both cores busy: set EBOPS_LONG_TESTS=1 to run it (CI runs the demo through .ci/run)");
        }

        var output = Directory.CreateTempSubdirectory("ebops-demo-run-");
        try
        {
            using var writer = new StringWriter();
            using var error = new StringWriter();

            var exit = await DemoVerb.RunAsync(new DemoOptions(DemoScenario.Default, Keep: false, Plain: true, output.FullName), writer, error, TestContext.Current.CancellationToken);

            var text = writer.ToString();
            Assert.True(exit == 0, text + error);
            Assert.Equal("failed requests: 0", text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1]);
            Assert.Contains("bluegreenrelease.ebops.io/myapp   Succeeded   1.0.2", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output.FullName, "timeline.png")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "timeline.svg")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
