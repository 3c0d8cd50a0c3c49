using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Prometheus;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleaseMetricsTests
{
    private readonly CollectorRegistry registry = new();
    private readonly ReleaseMetrics metrics;

    public ReleaseMetricsTests() => metrics = new ReleaseMetrics(registry);

    private static Operator.Entities.BlueGreenRelease Release(ReleaseScenario s) => new()
    {
        Metadata = new() { Name = "myapp", NamespaceProperty = "shop" },
        Spec = s.Spec,
        Status = s.Status,
    };

    private Task<Dictionary<string, double>> ScrapeAsync() => MetricsScrape.ScrapeAsync(registry);

    [Fact]
    public async Task The_phase_gauge_is_1_for_the_current_phase_and_0_for_every_other()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Verifying);

        metrics.Observe(Release(s));

        var samples = await ScrapeAsync();
        var phases = samples.Where(p => p.Key.StartsWith("ebops_release_phase{", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enum.GetValues<ReleasePhase>().Length, phases.Count);
        Assert.Equal(1, samples["ebops_release_phase{namespace=\"shop\",name=\"myapp\",phase=\"Verifying\"}"]);
        Assert.Equal(1, phases.Sum(p => p.Value));
        Assert.Equal((T0 + TimeSpan.FromSeconds(1800)).ToUnixTimeSeconds(), samples["ebops_release_deadline_timestamp_seconds{namespace=\"shop\",name=\"myapp\"}"]);
    }

    [Fact]
    public async Task A_release_driven_by_the_planner_counts_its_failed_gate_round_and_its_cut_over_once()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Verifying).GreenIs("Ready").GreenRegistered();
        s.Status.Gate = null;
        metrics.Observe(Release(s));

        s.Decide(seen => seen with { GateRound = Failing() });
        metrics.Observe(Release(s));
        for (var round = 0; round < 3; round++)
        {
            s.Now += TimeSpan.FromSeconds(15);
            s.Decide(seen => seen with { GateRound = Passing() });
            metrics.Observe(Release(s));
        }

        // Promoted at once (autoPromotion, 0 s): the listener switch is under way.
        Assert.Equal(ReleasePhase.CuttingOver, s.Status.Phase);
        s.Now += TimeSpan.FromSeconds(20);
        s.Decide(seen => seen with { ListenerColor = DeploymentColor.Green });
        metrics.Observe(Release(s));
        metrics.Observe(Release(s));

        Assert.Equal(ReleasePhase.Baking, s.Status.Phase);
        var samples = await ScrapeAsync();
        Assert.Equal(1, samples["ebops_release_gate_failures_total{namespace=\"shop\",name=\"myapp\"}"]);
        Assert.Equal(1, samples["ebops_release_time_to_cutover_seconds_count"]);
        Assert.Equal(20, samples["ebops_release_time_to_cutover_seconds_sum"]);
        Assert.Equal(1, samples["ebops_release_phase{namespace=\"shop\",name=\"myapp\",phase=\"Baking\"}"]);
    }

    [Fact]
    public async Task What_a_release_already_showed_at_start_up_is_not_counted_again()
    {
        var s = new ReleaseScenario().BlueServes();
        s.Status.Phase = ReleasePhase.RolledBack;
        s.Status.Gate = new GateStatus { Failures = 3 };
        s.Status.History = [Record(ReleaseOutcome.RolledBack, 1, minutes: 12)];

        metrics.Observe(Release(s));
        metrics.Observe(Release(s));

        var samples = await ScrapeAsync();
        Assert.DoesNotContain("ebops_release_rollbacks_total{namespace=\"shop\",name=\"myapp\"}", samples.Keys);
        Assert.DoesNotContain("ebops_release_gate_failures_total{namespace=\"shop\",name=\"myapp\"}", samples.Keys);
        Assert.DoesNotContain("ebops_release_duration_seconds_count{outcome=\"RolledBack\"}", samples.Keys);
    }

    [Theory]
    [InlineData(ReleaseOutcome.RolledBack, "ebops_release_rollbacks_total")]
    [InlineData(ReleaseOutcome.Aborted, "ebops_release_aborts_total")]
    [InlineData(ReleaseOutcome.Succeeded, null)]
    public async Task A_release_that_ends_is_timed_by_outcome_and_counted_when_it_rolled_back_or_aborted(ReleaseOutcome outcome, string? counter)
    {
        var s = new ReleaseScenario().BlueServes();
        s.Status.History = [Record(ReleaseOutcome.Succeeded, 1, minutes: 5)];
        metrics.Observe(Release(s));

        s.Status.History.Insert(0, Record(outcome, 2, minutes: 14));
        metrics.Observe(Release(s));
        metrics.Observe(Release(s));

        var samples = await ScrapeAsync();
        Assert.Equal(1, samples[$"ebops_release_duration_seconds_count{{outcome=\"{outcome}\"}}"]);
        Assert.Equal(14 * 60, samples[$"ebops_release_duration_seconds_sum{{outcome=\"{outcome}\"}}"]);
        foreach (var name in new[] { "ebops_release_rollbacks_total", "ebops_release_aborts_total" })
        {
            var key = name + "{namespace=\"shop\",name=\"myapp\"}";
            Assert.Equal(name == counter ? 1 : 0, samples.GetValueOrDefault(key));
        }
    }

    [Fact]
    public async Task Gate_failures_keep_counting_when_a_weighted_step_resets_the_gate()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver);
        s.Status.Gate = new GateStatus { Failures = 1 };
        metrics.Observe(Release(s));

        s.Status.Gate.Failures = 2;
        metrics.Observe(Release(s));
        s.Status.Gate.Failures = 0;
        metrics.Observe(Release(s));
        s.Status.Gate.Failures = 1;
        metrics.Observe(Release(s));

        Assert.Equal(2, (await ScrapeAsync())["ebops_release_gate_failures_total{namespace=\"shop\",name=\"myapp\"}"]);
    }

    [Fact]
    public async Task Forget_removes_the_release_series_and_a_rest_phase_has_no_deadline()
    {
        var s = new ReleaseScenario().BlueServes();
        metrics.Observe(Release(s));
        Assert.DoesNotContain((await ScrapeAsync()).Keys, k => k.StartsWith("ebops_release_deadline_timestamp_seconds{", StringComparison.Ordinal));

        metrics.Forget("shop", "myapp");

        Assert.DoesNotContain((await ScrapeAsync()).Keys, k => k.Contains("name=\"myapp\"", StringComparison.Ordinal));
    }

    private static ReleaseRecord Record(ReleaseOutcome outcome, int number, int minutes) => new()
    {
        Version = "1.0." + number,
        Outcome = outcome,
        ReleaseNumber = number,
        StartedAt = T0,
        FinishedAt = T0 + TimeSpan.FromMinutes(minutes),
    };
}
