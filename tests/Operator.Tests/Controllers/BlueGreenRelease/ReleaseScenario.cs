using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Builds planner inputs: a spec, a status, what AWS shows, and a clock; <see cref="Decide"/> runs the planner once.</summary>
internal sealed class ReleaseScenario
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly ReleaseTimings Timings = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    public BlueGreenReleaseSpec Spec { get; } = new()
    {
        AppRef = new() { Name = "myapp" },
        FrontendRef = new() { Name = "myapp-nlb" },
        Version = new() { Label = "1.0.2", SourceBundle = new() { S3Bucket = "bundles", S3Key = "myapp/1.0.2.zip" } },
    };

    public BlueGreenReleaseStatus Status { get; } = new();

    public Dictionary<DeploymentColor, EnvironmentView> Environments { get; } = [];

    public Dictionary<DeploymentColor, string> Registered { get; } = [];

    public Dictionary<DeploymentColor, string> Health { get; } = [];

    public DateTimeOffset Now { get; set; } = T0;

    public ReleaseObservation Seen { get; set; } = new() { ApplicationName = "myapp" };

    public ReleaseScenario WithoutFrontend()
    {
        Spec.FrontendRef = null;
        return this;
    }

    /// <summary>blue serves 1.0.1 with <paramref name="instances"/> instances (released by release 1).</summary>
    public ReleaseScenario BlueServes(int instances = 2, string version = "1.0.1")
    {
        Status.Phase = ReleasePhase.Succeeded;
        Status.ActiveColor = DeploymentColor.Blue;
        Status.StableVersion = version;
        Status.ReleaseNumber = 1;
        Environments[DeploymentColor.Blue] = Env(DeploymentColor.Blue, "Ready", version, 1, instances);
        Registered[DeploymentColor.Blue] = Alb(DeploymentColor.Blue);
        Health[DeploymentColor.Blue] = "healthy";
        return this;
    }

    /// <summary>The release of 1.0.2 into green is in <paramref name="phase"/> (release 2, started at T0).</summary>
    public ReleaseScenario InPhase(ReleasePhase phase, DateTimeOffset? since = null)
    {
        Status.Phase = phase;
        Status.PhaseSince = since ?? Now;
        Status.ReleaseNumber = 2;
        Status.CandidateVersion = "1.0.2";
        Status.CandidateColor = DeploymentColor.Green;
        Status.StartedAt = T0;
        Status.Phases = [new PhaseTiming { Phase = ReleasePhase.ProvisioningGreen, At = T0 }];
        Status.Gate ??= new GateStatus();
        return this;
    }

    public ReleaseScenario GreenIs(string status, int instances = 2, int release = 2, string version = "1.0.2")
    {
        Environments[DeploymentColor.Green] = Env(DeploymentColor.Green, status, version, release, instances);
        return this;
    }

    public ReleaseScenario GreenRegistered(string health = "healthy")
    {
        Registered[DeploymentColor.Green] = Alb(DeploymentColor.Green);
        Health[DeploymentColor.Green] = health;
        return this;
    }

    /// <summary>Traffic was switched to green at <paramref name="at"/>.</summary>
    public ReleaseScenario SwitchedToGreen(DateTimeOffset at)
    {
        Status.ActiveColor = DeploymentColor.Green;
        Status.Traffic = new TrafficStatus { SwitchedAt = at };
        return this;
    }

    public static EnvironmentView Env(DeploymentColor color, string status, string version, int? release, int instances) =>
        new(color, $"myapp-{color.Label()}", status, "Ok", version, release, instances, Alb(color), $"myapp-{color.Label()}.eb.example", "cfg-1");

    public static string Alb(DeploymentColor color) => $"arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/{color.Label()}/1";

    public static IReadOnlyList<GateCheckResult> Passing(params string[] names) =>
        [.. (names.Length == 0 ? ["eb-health", "target-health"] : names).Select(n => new GateCheckResult(n, GateCheckPhase.Successful, "ok"))];

    public static IReadOnlyList<GateCheckResult> Failing(string evidence = "health Severe, 0/2 instances Ok") =>
        [new("eb-health", GateCheckPhase.Failed, evidence), new("target-health", GateCheckPhase.Successful, "healthy")];

    public ReleaseDecision Decide(Func<ReleaseObservation, ReleaseObservation>? observe = null)
    {
        var seen = Observed();
        return ReleasePlanner.Decide(Spec, Status, observe?.Invoke(seen) ?? seen, Now, Timings);
    }

    /// <summary>The release is being deleted: one step of <see cref="ReleasePlanner.Finalize"/>.</summary>
    public ReleaseDecision Finalize(Func<ReleaseObservation, ReleaseObservation>? observe = null)
    {
        var seen = Observed();
        return ReleasePlanner.Finalize(Spec, Status, observe?.Invoke(seen) ?? seen, Now, Timings);
    }

    private ReleaseObservation Observed()
    {
        var listener = Seen.ListenerColor ?? (Spec.FrontendRef is null ? null : Status.ActiveColor ?? DeploymentColor.Blue);
        var candidate = Status.CandidateColor ?? DeploymentColor.Green;
        return Seen with
        {
            // Both groups are in the forward (the other at weight 0) unless a test says otherwise.
            CandidateWeight = Seen.CandidateWeight ?? (Spec.FrontendRef is null ? null : listener == candidate ? 100 : 0),
            Environments = Environments,
            RegisteredAlbs = Registered,
            TargetHealth = Health,
            AppReady = true,
            FrontendReady = Spec.FrontendRef is null ? null : true,
            VersionExists = Seen.VersionExists ?? true,
            AppMinInstances = 2,
            ListenerColor = listener,
        };
    }
}
