using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Operator.Aws;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Runtime.Metrics;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Tests.Shared;
using Prometheus;

namespace Ebops.Operator.Tests.Deployment;

/// <summary>config/prometheus: the alert rules pass promtool (syntax and unit tests) and only use metrics the code exports.</summary>
public sealed partial class PrometheusRulesTests
{
    /// <summary>Set by .ci/run: a missing promtool fails the test instead of skipping it.</summary>
    private const string RequireToolsVariable = "EBOPS_REQUIRE_TOOLS";

    private static JsonArray Groups() =>
        YamlDocuments.LoadObject(File.ReadAllText(RepoPaths.Get("config", "prometheus", "prometheusrule.yaml")))["spec"]!["groups"]!.AsArray();

    private static IEnumerable<string> Expressions() =>
        Groups().SelectMany(g => g!["rules"]!.AsArray()).Select(r => (string)r!["expr"]!);

    /// <summary>Every metric family the operator exports: the runtime's, the releases' and the AWS clients'.</summary>
    private static async Task<Dictionary<string, string>> ExportedFamiliesAsync()
    {
        var registry = new CollectorRegistry();
        _ = new RuntimeMetrics(registry);
        _ = new ReleaseMetrics(registry);
        _ = new AwsMetrics(registry);
        return await TypesAsync(registry);
    }

    private static async Task<Dictionary<string, string>> TypesAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Select(l => TypeLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Every_metric_an_alert_uses_is_one_the_operator_exports()
    {
        var families = await ExportedFamiliesAsync();
        Assert.Contains("ebops_release_phase", families.Keys);
        Assert.Contains("ebops_aws_api_calls_total", families.Keys);

        var used = Expressions().SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).Distinct().ToList();
        Assert.NotEmpty(used);
        foreach (var name in used)
        {
            var family = HistogramSeries().Match(name) is { Success: true } m && families.GetValueOrDefault(m.Groups["family"].Value) == "histogram"
                ? m.Groups["family"].Value
                : name;
            Assert.True(families.ContainsKey(family), $"an alert uses {name}, which the operator does not export");
        }
    }

    [Fact]
    public async Task Every_exported_metric_is_documented()
    {
        var docs = await File.ReadAllTextAsync(RepoPaths.Get("docs", "metrics.md"), TestContext.Current.CancellationToken);

        foreach (var family in (await ExportedFamiliesAsync()).Keys)
        {
            Assert.Contains($"`{family}`", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Promtool_accepts_the_rules_and_their_unit_tests_pass()
    {
        var promtool = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "promtool")).FirstOrDefault(File.Exists);
        if (promtool is null)
        {
            const string Missing = "promtool is not on PATH (Debian: apt-get install --no-install-recommends prometheus)";
            if (Environment.GetEnvironmentVariable(RequireToolsVariable) == "1")
            {
                Assert.Fail(Missing);
            }

            Assert.Skip(Missing);
        }

        var dir = Directory.CreateTempSubdirectory("ebops-promtool-").FullName;
        try
        {
            // YAML is a superset of JSON: the rule groups of the PrometheusRule object, as a plain rules file.
            await File.WriteAllTextAsync(Path.Combine(dir, "rules.json"), new JsonObject { ["groups"] = Groups().DeepClone() }.ToJsonString(),
                TestContext.Current.CancellationToken);
            File.Copy(RepoPaths.Get("tests", "Operator.Tests", "Deployment", "prometheus-rules.test.yaml"), Path.Combine(dir, "rules.test.yaml"));

            var check = await RunAsync(promtool, dir, "check", "rules", "rules.json");
            Assert.True(check.Exit == 0, check.Output);
            Assert.Contains("SUCCESS: 5 rules found", check.Output, StringComparison.Ordinal);
            var test = await RunAsync(promtool, dir, "test", "rules", "rules.test.yaml");
            Assert.True(test.Exit == 0, test.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string binary, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(binary, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^# TYPE (?<name>\S+) (?<type>\S+)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\bebops_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<family>.+)_(bucket|sum|count)$")]
    private static partial Regex HistogramSeries();
}
