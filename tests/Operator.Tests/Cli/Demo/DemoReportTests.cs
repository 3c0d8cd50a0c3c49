using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Tests.Cli.Demo;

/// <summary>The report: phase durations from status.history, requests by version, and the exact last line.</summary>
public sealed class DemoReportTests
{
    [Fact]
    public void Phase_table_lists_releases_oldest_first_with_the_phases_in_state_machine_order()
    {
        var history = new List<ReleaseRecord>
        {
            Record("1.0.2", ReleaseOutcome.Aborted, ("Aborting", 3), ("Verifying", 6), ("ProvisioningGreen", 5)),
            Record("1.0.1", ReleaseOutcome.Succeeded, ("RetiringBlue", 0), ("Baking", 6), ("Verifying", 6), ("ProvisioningGreen", 4)),
        };

        Assert.Equal(
            [
                "release   outcome     ProvisioningGreen   Verifying   Baking   RetiringBlue   Aborting   total",
                "1.0.1     Succeeded                   4           6        6              0          -      16",
                "1.0.2     Aborted                     5           6        -              -          3      14",
            ],
            DemoReport.PhaseTable(history));
    }

    [Fact]
    public void Requests_by_version_in_the_order_they_first_answered_then_the_failures()
    {
        var load = new LoadTimeline();
        Record(load, 0.5, "1.0.1");
        Record(load, 1.5, "1.0.1");
        Record(load, 2.5, "1.0.2");
        Record(load, 3.0, null);

        var lines = DemoReport.Requests(load.Summarize(), TimeSpan.FromSeconds(4));

        Assert.Equal(
            [
                "4 requests, 1 requests/s over 4.0 s (HttpStatus 1)",
                "version   requests     first      last",
                "1.0.1            2   00:00.5   00:01.5",
                "1.0.2            1   00:02.5   00:02.5",
                "failed           1",
            ],
            lines);
    }

    [Fact]
    public void After_a_switch_back_the_failures_from_its_first_mark_on_are_counted()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var load = new LoadTimeline(clock);
        clock.Advance(TimeSpan.FromSeconds(1));
        load.Mark(nameof(ReleasePhase.Baking));
        Assert.Null(DemoReport.FailedFromSwitchBack(load));
        Record(load, 1.5, null);
        clock.Advance(TimeSpan.FromSeconds(1));
        load.Mark(nameof(ReleasePhase.SwitchingBack));
        Record(load, 2.0, null);
        Record(load, 2.5, null);
        Record(load, 2.6, "1.0.1");
        clock.Advance(TimeSpan.FromSeconds(1));
        load.Mark(nameof(ReleasePhase.RolledBack));
        Record(load, 3.5, null);

        Assert.Equal("failed from SwitchingBack on (00:02.0): 3", DemoReport.FailedFromSwitchBack(load));
    }

    [Fact]
    public void The_last_line_is_exactly_the_failed_requests_even_with_keep_lines()
    {
        var load = new LoadTimeline();
        Record(load, 0, "1.0.1");
        Record(load, 1, null);
        Record(load, 2, null);
        Record(load, 3, "1.0.2");
        var result = new DemoResult(DemoScenario.Default, [new("start", TimeSpan.Zero, null)], DemoSnapshot.Empty, load, DateTimeOffset.UnixEpoch,
            "1.0.1", "1.0.2", ReleaseOutcome.Succeeded, null, null, null);
        using var output = new StringWriter();

        DemoReport.Write(output, result, "NAME\nx\n", ["artifacts/demo/timeline.png"], DemoVerdict.Decide(result), ["export KUBECONFIG=/k"]);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("failed requests: 2", lines[^1]);
        Assert.Contains("== FAILED: 2 failed requests", lines);
        Assert.Contains("export KUBECONFIG=/k", lines);
        Assert.Contains("== Timeline: artifacts/demo/timeline.png", lines);
    }

    private static ReleaseRecord Record(string version, ReleaseOutcome outcome, params (string Phase, long Seconds)[] phases) => new()
    {
        Version = version,
        Outcome = outcome,
        PhaseSeconds = phases.ToDictionary(p => p.Phase, p => p.Seconds),
    };

    private static void Record(LoadTimeline load, double second, string? version) =>
        load.Record(0, TimeSpan.FromSeconds(second), version is null ? 503 : 200, version is null ? LoadFailure.HttpStatus : LoadFailure.None, version, false, false);
}
