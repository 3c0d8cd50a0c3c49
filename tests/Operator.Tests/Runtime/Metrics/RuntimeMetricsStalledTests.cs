using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Metrics;
using Prometheus;

namespace Ebops.Operator.Tests.Runtime.Metrics;

/// <summary><c>ebops_resource_stalled</c> follows how each reconcile of an object ended.</summary>
public sealed class RuntimeMetricsStalledTests
{
    private const string Series = "ebops_resource_stalled{kind=\"RdsDatabase\",namespace=\"shop\",name=\"db\"}";
    private static readonly ResourceKey Key = new("shop", "db");

    [Theory]
    [InlineData("stalled", 1.0)]
    [InlineData("stalled_skipped", 1.0)]
    [InlineData("done", 0.0)]
    [InlineData("requeue", 0.0)]
    public async Task A_stall_sets_it_and_a_successful_reconcile_clears_it(string result, double expected)
    {
        var registry = new CollectorRegistry();
        var metrics = new RuntimeMetrics(registry);

        metrics.ObjectReconciled("RdsDatabase", Key, result);

        Assert.Equal(expected, (await MetricsScrape.ScrapeAsync(registry))[Series]);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("cancelled")]
    [InlineData("deleting")]
    public async Task A_transient_failure_leaves_it_as_it_was(string result)
    {
        var registry = new CollectorRegistry();
        var metrics = new RuntimeMetrics(registry);
        metrics.ObjectReconciled("RdsDatabase", Key, "stalled");

        metrics.ObjectReconciled("RdsDatabase", Key, result);

        Assert.Equal(1, (await MetricsScrape.ScrapeAsync(registry))[Series]);
    }

    [Theory]
    [InlineData("not_found")]
    [InlineData("finalized")]
    public async Task An_object_that_is_gone_has_no_series(string result)
    {
        var registry = new CollectorRegistry();
        var metrics = new RuntimeMetrics(registry);
        metrics.ObjectReconciled("RdsDatabase", Key, "stalled");

        metrics.ObjectReconciled("RdsDatabase", Key, result);

        Assert.DoesNotContain(Series, (await MetricsScrape.ScrapeAsync(registry)).Keys);
    }
}
