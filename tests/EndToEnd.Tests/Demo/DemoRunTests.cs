using Ebops.Operator.Cli;
using Ebops.Operator.Cli.Demo;

namespace Ebops.EndToEnd.Tests.Demo;

/// <summary>
/// The whole default demo in-process, in plain mode, as the README's first command runs it: exit 0, the report, the
/// pictures, and the last line <c>failed requests: 0</c>; with the sample's master password Secret created with a known
/// value, that value nowhere in the output, the debug log, events, status or metrics at the end. About a minute of
/// real time and both cores: it runs with EBOPS_LONG_TESTS=1, and CI runs the demo once more as a process (.ci/run).
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

            const string password = "Kn0wn-demo-Pa55word-8c3f17";
            var settings = new DemoSettings { MasterPassword = password, LogLevel = Microsoft.Extensions.Logging.LogLevel.Debug };
            IReadOnlyList<string>? leaks = null;

            var exit = await DemoVerb.RunAsync(new DemoOptions(DemoScenario.Default, Keep: false, Plain: true, output.FullName), settings, writer, error,
                async (sandbox, ct) => leaks = await DemoLeaks.FindAsync(sandbox, password, [("output", writer.ToString()), ("errors", error.ToString())], ct),
                TestContext.Current.CancellationToken);

            var text = writer.ToString();
            Assert.True(exit == 0, text + error);
            Assert.Equal("failed requests: 0", text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1]);
            Assert.Contains("bluegreenrelease.ebops.io/myapp   Succeeded   1.0.2", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output.FullName, "timeline.png")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "timeline.svg")));
            Assert.Contains("created secrets/myapp-db-master", text, StringComparison.Ordinal);
            Assert.NotNull(leaks);
            Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
