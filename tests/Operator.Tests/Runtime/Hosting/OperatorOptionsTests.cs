using Ebops.Operator.Runtime.Hosting;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Hosting;

public sealed class OperatorOptionsTests
{
    private static IReadOnlyList<string> Errors(OperatorOptions options) =>
        new OperatorOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_are_valid() => Assert.Empty(Errors(new OperatorOptions()));

    [Theory]
    [InlineData(0, "--max-concurrent-reconciles must be between 1 and 64, got 0")]
    [InlineData(65, "--max-concurrent-reconciles must be between 1 and 64, got 65")]
    public void Concurrency_out_of_range_is_named_by_its_flag(int value, string message) =>
        Assert.Equal([message], Errors(new OperatorOptions { MaxConcurrentReconciles = value }));

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var errors = Errors(new OperatorOptions
        {
            MetricsPort = 70000,
            ShutdownTimeout = TimeSpan.FromHours(1),
            ResyncPeriod = TimeSpan.FromMilliseconds(10),
            LabelSelector = "app in (a,",
            LeaderElect = true,
            RetryPeriod = TimeSpan.FromSeconds(20),
        });

        Assert.Contains("--metrics-port must be between 0 and 65535, got 70000", errors);
        Assert.Contains(errors, e => e.StartsWith("--shutdown-timeout must be between 0s and 10m", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--resync-period must be 0 (off) or at least 1s", StringComparison.Ordinal));
        Assert.Contains("--label-selector is not a valid label selector: 'app in (a,'", errors);
        Assert.Contains(errors, e => e.StartsWith("leader election needs 0 < RetryPeriod < RenewDeadline < LeaseDuration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("app=web")]
    [InlineData("app==web,tier!=db")]
    [InlineData("environment in (production, qa),!canary")]
    [InlineData("ebops.io/managed")]
    public void Kubectl_style_selectors_are_accepted(string selector) =>
        Assert.Empty(Errors(new OperatorOptions { LabelSelector = selector }));

    [Fact]
    public void Environment_variables_map_to_options_without_underscores()
    {
        var variables = new System.Collections.Hashtable
        {
            ["EBOPS_MAX_CONCURRENT_RECONCILES"] = "7",
            ["EBOPS_TEST_KUBECONFIG"] = "/tmp/kubeconfig",
            ["PATH"] = "/usr/bin",
        };
        Assert.Equal([new KeyValuePair<string, string?>("Operator:MAXCONCURRENTRECONCILES", "7")], OperatorHost.EnvironmentOverrides(variables));
    }
}
