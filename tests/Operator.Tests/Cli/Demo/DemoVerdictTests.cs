using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Tests.Cli.Demo;

/// <summary>The exit code rule: every step, the expected outcome, and no failed request (bake-failure: none outside its window).</summary>
public sealed class DemoVerdictTests
{
    public static TheoryData<string, int> Cases() => new()
    {
        { "default: succeeded, both versions served, no failure", 0 },
        { "default: a failed request", 1 },
        { "default: a step failed", 1 },
        { "default: no step ran", 1 },
        { "default: rolled back", 1 },
        { "default: succeeded but 1.0.2 never answered", 1 },
        { "broken-version: aborted, only 1.0.1 served", 0 },
        { "broken-version: aborted but 1.0.2 answered", 1 },
        { "bake-failure: rolled back, failures only while broken", 0 },
        { "bake-failure: a failure after the switch-back", 1 },
        { "bake-failure: a failure before the fault", 1 },
        { "canary: succeeded", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_the_exit_code(string name, int expected)
    {
        var result = Build(name);
        var (exitCode, reason) = DemoVerdict.Decide(result);
        Assert.True(expected == exitCode, $"{name}: {exitCode} ({reason})");
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Bake_failure_counts_the_failures_outside_the_broken_window()
    {
        var result = Build("bake-failure: a failure after the switch-back");
        Assert.Equal(1, DemoVerdict.FailuresOutsideFault(result));
        Assert.Equal(3, result.Summary.Failed);
    }

    private static DemoResult Build(string name)
    {
        var scenario = DemoScenario.All.Single(s => name.StartsWith(s.Name + ":", StringComparison.Ordinal));
        var load = new LoadTimeline();
        var steps = new List<DemoStepResult> { new("start", TimeSpan.FromSeconds(1), null), new("release", TimeSpan.FromSeconds(1), null) };
        var outcome = scenario.Expected;
        Record(load, 0, "1.0.1");
        switch (name[(scenario.Name.Length + 2)..])
        {
            case "a failed request":
                Record(load, 1, null);
                Record(load, 2, "1.0.2");
                break;
            case "a step failed":
                steps.Add(new("load", TimeSpan.FromSeconds(1), "the NLB has no listener"));
                break;
            case "no step ran":
                steps.Clear();
                break;
            case "rolled back":
                outcome = ReleaseOutcome.RolledBack;
                break;
            case "succeeded but 1.0.2 never answered":
                break;
            case "aborted but 1.0.2 answered":
                Record(load, 2, "1.0.2");
                break;
            case "rolled back, failures only while broken":
                Record(load, 11, null);
                Record(load, 12, null);
                break;
            case "a failure after the switch-back":
                Record(load, 11, null);
                Record(load, 12, null);
                Record(load, 25, null);
                break;
            case "a failure before the fault":
                Record(load, 5, null);
                break;
            default:
                if (scenario.Expected == ReleaseOutcome.Succeeded)
                {
                    Record(load, 2, "1.0.2");
                }

                break;
        }

        var windowed = scenario.Fault == DemoFault.WhenBaking;
        return new DemoResult(scenario, steps, DemoSnapshot.Empty, load, DateTimeOffset.UnixEpoch, "1.0.1", "1.0.2", outcome,
            windowed ? TimeSpan.FromSeconds(10) : null, windowed ? TimeSpan.FromSeconds(20) : null, null);
    }

    private static void Record(LoadTimeline load, int second, string? version) =>
        load.Record(0, TimeSpan.FromSeconds(second), version is null ? 500 : 200, version is null ? LoadFailure.HttpStatus : LoadFailure.None, version, false, false);
}
