using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Cli.Demo;

/// <summary>The plain progress: one stamped line per change worth reading, nothing when nothing changed.</summary>
public sealed class PlainProgressFormatterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "[00:00.0] x")]
    [InlineData(1234, "[00:01.2] x")]
    [InlineData(61999, "[01:01.9] x")]
    [InlineData(754_300, "[12:34.3] x")]
    public void Stamps_minutes_seconds_and_tenths(int milliseconds, string expected) =>
        Assert.Equal(expected, PlainProgressFormatter.Stamp(TimeSpan.FromMilliseconds(milliseconds), "x"));

    [Fact]
    public void The_same_snapshot_twice_adds_nothing()
    {
        var snapshot = Snapshot("Applying", Release(ReleasePhase.Verifying, "1.0.1", "1.0.2", Gate(1, T0)), Traffic(3, ("1.0.1", 200)));
        Assert.Empty(PlainProgressFormatter.Changes(snapshot, snapshot));
    }

    [Fact]
    public void A_new_step_phase_gate_round_and_second_each_make_one_line()
    {
        var before = Snapshot("Steady load", Release(ReleasePhase.ProvisioningGreen, "1.0.1", "1.0.2", null), Traffic(2, ("1.0.1", 200)));
        var after = Snapshot("Releasing 1.0.2", Release(ReleasePhase.Verifying, "1.0.1", "1.0.2", Gate(1, T0)), Traffic(3, ("1.0.2", 80), ("1.0.1", 120)));

        Assert.Equal(
            [
                "== Releasing 1.0.2",
                "release 1.0.1 -> 1.0.2: Verifying (running the health gate)",
                "gate 1/2: eb-health Successful (health Ok); http-root Failed",
                "traffic: 1.0.1 120/s, 1.0.2 80/s, failed 0/s (failed so far: 0)",
            ],
            PlainProgressFormatter.Changes(before, after));
    }

    [Fact]
    public void Only_a_new_gate_round_repeats_the_gate_line()
    {
        var first = Snapshot("s", Release(ReleasePhase.Verifying, "1.0.1", "1.0.2", Gate(1, T0)), null);
        var sameRound = Snapshot("s", Release(ReleasePhase.Verifying, "1.0.1", "1.0.2", Gate(1, T0)), null);
        var nextRound = Snapshot("s", Release(ReleasePhase.Verifying, "1.0.1", "1.0.2", Gate(2, T0.AddSeconds(5))), null);

        Assert.Empty(PlainProgressFormatter.Changes(first, sameRound));
        Assert.Equal(["gate 2/2: eb-health Successful (health Ok); http-root Failed"], PlainProgressFormatter.Changes(sameRound, nextRound));
    }

    [Fact]
    public void Readiness_changes_name_the_object_and_the_reason()
    {
        var creating = new RdsDatabase { Metadata = new() { Name = "myapp-db" }, Status = new() { Conditions = [Ready("False", "WaitingForInstance", "creating")] } };
        var ready = new RdsDatabase { Metadata = new() { Name = "myapp-db" }, Status = new() { Conditions = [Ready("True", "Reconciled", null)] } };

        Assert.Equal(
            ["rdsdatabases/myapp-db: Ready=False WaitingForInstance: creating"],
            PlainProgressFormatter.Changes(DemoSnapshot.Empty, DemoSnapshot.Empty with { Database = creating }));
        Assert.Equal(
            ["rdsdatabases/myapp-db: Ready=True Reconciled"],
            PlainProgressFormatter.Changes(DemoSnapshot.Empty with { Database = creating }, DemoSnapshot.Empty with { Database = ready }));
    }

    [Fact]
    public void Traffic_counts_failures_of_the_second_and_so_far() =>
        Assert.Equal(
            "traffic: no answers, failed 200/s (failed so far: 412)",
            PlainProgressFormatter.Traffic(new DemoTraffic(TimeSpan.FromSeconds(7), new Dictionary<string, int>(), 200, 1400, 412)));

    private static DemoSnapshot Snapshot(string step, BlueGreenRelease release, DemoTraffic? traffic) =>
        new(TimeSpan.FromSeconds(1), step, null, null, null, release, traffic);

    private static BlueGreenRelease Release(ReleasePhase phase, string stable, string candidate, GateStatus? gate) => new()
    {
        Metadata = new() { Name = "myapp" },
        Status = new()
        {
            Phase = phase,
            StableVersion = stable,
            CandidateVersion = candidate,
            Message = phase == ReleasePhase.Verifying ? "running the health gate" : null,
            Gate = gate,
        },
    };

    private static GateStatus Gate(int streak, DateTimeOffset round) => new()
    {
        ConsecutiveSuccesses = streak,
        Summary = $"{streak}/2",
        LastRoundAt = round,
        Checks =
        [
            new GateCheckStatus { Name = "eb-health", Phase = GateCheckPhase.Successful, Message = "health Ok" },
            new GateCheckStatus { Name = "http-root", Phase = GateCheckPhase.Failed },
        ],
    };

    private static DemoTraffic Traffic(int second, params (string Version, int Count)[] versions) =>
        new(TimeSpan.FromSeconds(second), versions.ToDictionary(v => v.Version, v => v.Count), 0, 1000, 0);

    private static Condition Ready(string status, string reason, string? message) =>
        new() { Type = ConditionTypes.Ready, Status = status, Reason = reason, Message = message };
}
