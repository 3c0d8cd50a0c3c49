using Ebops.Operator.Cli;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Cli;

public sealed class ReleaseStatusViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 10, 0, TimeSpan.Zero);

    private static BlueGreenRelease Release(BlueGreenReleaseStatus? status) => new()
    {
        Metadata = new() { Name = "myapp", NamespaceProperty = "shop", Generation = 3 },
        Spec = new()
        {
            AppRef = new() { Name = "myapp" },
            FrontendRef = new() { Name = "myapp-nlb" },
            Version = new() { Label = "1.0.2", SourceBundle = new() { S3Bucket = "bundles", S3Key = "myapp/1.0.2.zip" } },
        },
        Status = status,
    };

    private static BlueGreenReleaseStatus Awaiting() => new()
    {
        Phase = ReleasePhase.AwaitingPromotion,
        PhaseSince = Now.AddMinutes(-5),
        PauseReason = "AwaitingPromotion",
        Message = "gate passed; waiting for promotion (kubectl ebops promote myapp)",
        Reason = "GatePassed",
        ReleaseNumber = 2,
        StartedAt = Now.AddMinutes(-10),
        StableVersion = "1.0.1",
        CandidateVersion = "1.0.2",
        CandidateColor = DeploymentColor.Green,
        ActiveColor = DeploymentColor.Blue,
        ObservedGeneration = 3,
        Conditions = [new() { Type = "Ready", Status = "False" }, new() { Type = "Reconciling", Status = "True" }, new() { Type = "Stalled", Status = "False" }],
        Gate = new GateStatus
        {
            Passed = true,
            ConsecutiveSuccesses = 3,
            Summary = "3/3",
            LastRoundAt = Now.AddSeconds(-15),
            Checks =
            [
                new() { Name = "eb-health", Phase = GateCheckPhase.Successful, Message = "health Ok, 2/2 instances Ok", LastMeasuredAt = Now.AddSeconds(-15) },
                new() { Name = "http", Phase = GateCheckPhase.Pending },
            ],
        },
        Traffic = new TrafficStatus { SwitchedAt = new DateTimeOffset(2026, 2, 27, 9, 0, 0, TimeSpan.Zero) },
        ExtraCapacity = new ExtraCapacityStatus { Instances = 2, HourlyCost = "0.0832", Since = Now.AddMinutes(-8) },
        Plan =
        [
            new() { Step = "elasticbeanstalk:CreateEnvironment myapp-green", Phase = ReleasePhase.ProvisioningGreen, State = PlanStepState.Done },
            new() { Step = "elasticloadbalancing:ModifyListener forward -> target group green", Phase = ReleasePhase.CuttingOver, State = PlanStepState.Pending },
        ],
        History =
        [
            new()
            {
                Version = "1.0.1", Outcome = ReleaseOutcome.Succeeded, ReleaseNumber = 1, Reason = "Released", PromotedBy = "auto",
                StartedAt = new DateTimeOffset(2026, 2, 27, 8, 50, 0, TimeSpan.Zero), FinishedAt = new DateTimeOffset(2026, 2, 27, 9, 5, 30, TimeSpan.Zero),
                PhaseSeconds = new() { ["ProvisioningGreen"] = 300, ["Verifying"] = 45 },
            },
        ],
    };

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void A_release_awaiting_promotion_shows_phase_versions_gate_traffic_plan_and_history()
    {
        var text = ReleaseStatusView.Render(Release(Awaiting()), Now);

        Assert.Equal(
        [
            "Name:             shop/myapp",
            "Phase:            AwaitingPromotion since 2026-03-01 12:05:00Z (5m ago), paused: AwaitingPromotion",
            "Message:          gate passed; waiting for promotion (kubectl ebops promote myapp)",
            "Reason:           GatePassed",
            "Release:          #2 started 2026-03-01 12:00:00Z (10m ago), promoted by -",
            "Stable:           1.0.1",
            "Candidate:        1.0.2 (green)",
            "Active:           blue",
            "Spec version:     1.0.2",
            "Conditions:       Ready=False Reconciling=True Stalled=False (generation 3, observed 3)",
            "Signals:          promote, abort (kubectl ebops <signal> myapp)",
            "Extra capacity:   2 instance(s), 0.0832 USD/h since 2026-03-01 12:02:00Z (8m ago)",
            "",
            "Gate:             3/3 (passed; streak 3 passing round(s) in a row, 0 failed round(s), last round 2026-03-01 12:09:45Z (15s ago))",
            "  CHECK      PHASE       MEASURED  EVIDENCE",
            "  eb-health  Successful  15s ago   health Ok, 2/2 instances Ok",
            "  http       Pending     -         -",
            "",
            "Traffic:          blue, switched 2026-02-27 09:00:00Z (2d3h ago)",
            "",
            "Plan:",
            "  STATE    PHASE              STEP",
            "  Done     ProvisioningGreen  elasticbeanstalk:CreateEnvironment myapp-green",
            "  Pending  CuttingOver        elasticloadbalancing:ModifyListener forward -> target group green",
            "",
            "History (newest first):",
            "  #  VERSION  OUTCOME    REASON    STARTED               DURATION  PROMOTED BY  PHASES",
            "  1  1.0.1    Succeeded  Released  2026-02-27 08:50:00Z  15m       auto         ProvisioningGreen 5m, Verifying 45s",
            "",
        ], Lines(text));
    }

    [Fact]
    public void Weighted_steps_show_the_split_and_each_comparison()
    {
        var status = Awaiting();
        status.Phase = ReleasePhase.CuttingOver;
        status.Traffic = new TrafficStatus
        {
            Step = 2,
            GreenWeight = 25,
            Steps =
            [
                new() { Weight = 5, StartedAt = Now.AddMinutes(-4), EndedAt = Now.AddMinutes(-2), Passed = true, Analysis = "green 5xx 0.4% (250 req), blue 0.3% (4750 req)" },
                new() { Weight = 25, StartedAt = Now.AddMinutes(-2) },
            ],
        };
        var release = Release(status);
        release.Spec.Strategy.Cutover = CutoverMethod.NlbWeighted;

        var lines = Lines(ReleaseStatusView.Render(release, Now));

        Assert.Contains("Traffic:          green 25%, blue 75% of new connections (step 2 of 2 reached)", lines);
        Assert.Contains("  1     5%      4m ago   2m ago  yes     green 5xx 0.4% (250 req), blue 0.3% (4750 req)", lines);
        Assert.Contains("  2     25%     2m ago   -       -       -", lines);
        Assert.Contains("Signals:          promote, abort, rollback (kubectl ebops <signal> myapp)", lines);
    }

    [Fact]
    public void A_stalled_release_with_a_pending_signal_and_a_termination_says_so()
    {
        var status = Awaiting();
        status.Phase = ReleasePhase.Aborted;
        status.PauseReason = null;
        status.Conditions!.Add(new() { Type = "Stalled", Status = "True", Reason = "BundleNotFound", Message = "s3://bundles/myapp/1.0.2.zip does not exist" });
        status.Conditions.RemoveAt(2);
        status.PendingTermination = new PendingTermination { Color = DeploymentColor.Green, EnvironmentName = "myapp-green", NotBefore = Now.AddMinutes(7) };
        var release = Release(status);
        release.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.Signal] = "retry", [EbopsAnnotations.SignalBy] = "carol" };

        var lines = Lines(ReleaseStatusView.Render(release, Now));

        Assert.Contains("Stalled:          BundleNotFound: s3://bundles/myapp/1.0.2.zip does not exist", lines);
        Assert.Contains("Pending signal:   retry by carol (not yet applied)", lines);
        Assert.Contains("Termination:      myapp-green (green) is terminated after 2026-03-01 12:17:00Z (in 7m)", lines);
        Assert.Contains("Signals:          retry (kubectl ebops <signal> myapp)", lines);
    }

    [Fact]
    public void A_release_never_reconciled_says_so()
    {
        Assert.Equal(
            "Name:             shop/myapp\nPhase:            none: ebops has not reconciled this release yet\nVersion:          1.0.2\n",
            ReleaseStatusView.Render(Release(null), Now));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(330, "5m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 60, "3h1m")]
    [InlineData(2 * 86400 + 3 * 3600 + 120, "2d3h")]
    public void Spans_read_like_kubectl(int seconds, string expected)
    {
        Assert.Equal(expected, HumanTime.Span(TimeSpan.FromSeconds(seconds)));
    }
}
