using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using k8s;

namespace Ebops.EndToEnd.Tests.ArgoCd;

/// <summary>BlueGreenReleases in every phase (and the states around them), shaped as ebops writes them.</summary>
internal static class ReleaseFixtures
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<ReleaseFixture> All { get; } =
    [
        new("never reconciled", Release(status: null), "Progressing"),
        new("new generation not observed yet", Release(Status(ReleasePhase.Succeeded, ready: true), generation: 3, observed: 2), "Progressing"),
        new("Idle", Release(Status(ReleasePhase.Idle, ready: true)), "Healthy"),
        new("ProvisioningGreen", Release(Status(ReleasePhase.ProvisioningGreen)), "Progressing"),
        new("Verifying", Release(Status(ReleasePhase.Verifying)), "Progressing"),
        new("AwaitingPromotion (manual)", Release(Status(ReleasePhase.AwaitingPromotion, pause: "AwaitingPromotion")), "Suspended"),
        new("AwaitingPromotion (auto, later)", Release(Status(ReleasePhase.AwaitingPromotion, pause: "AutoPromotion")), "Progressing"),
        new("AwaitingPromotion (promoted, database busy)", Release(Promoted(Status(ReleasePhase.AwaitingPromotion))), "Progressing"),
        new("CuttingOver (NlbSwitch)", Release(Status(ReleasePhase.CuttingOver)), "Progressing"),
        new("CuttingOver (weighted, manual step)", Weighted(Status(ReleasePhase.CuttingOver, pause: "AwaitingPromotion")), "Suspended"),
        new("CuttingOver (weighted, timed step)", Weighted(Status(ReleasePhase.CuttingOver)), "Progressing"),
        new("Baking", Release(Status(ReleasePhase.Baking)), "Progressing"),
        new("SwitchingBack", Release(Status(ReleasePhase.SwitchingBack)), "Progressing"),
        new("RetiringBlue", Release(Status(ReleasePhase.RetiringBlue)), "Progressing"),
        new("Succeeded", Release(Status(ReleasePhase.Succeeded, ready: true)), "Healthy"),
        new("Aborting", Release(Status(ReleasePhase.Aborting)), "Progressing"),
        new("Aborted", Release(Status(ReleasePhase.Aborted)), "Degraded"),
        new("RolledBack", Release(Status(ReleasePhase.RolledBack)), "Degraded"),
        new("Failed", Release(Status(ReleasePhase.Failed)), "Degraded"),
        new("Stalled", Release(Stalled(Status(ReleasePhase.ProvisioningGreen))), "Degraded"),
    ];

    /// <summary>The object as the API server would return it (JSON).</summary>
    public static JsonNode Json(BlueGreenRelease release) => JsonNode.Parse(KubernetesJson.Serialize(release))!;

    private static BlueGreenRelease Release(BlueGreenReleaseStatus? status, long generation = 2, long? observed = null)
    {
        if (status is not null)
        {
            status.ObservedGeneration = observed ?? generation;
            foreach (var condition in status.Conditions ?? [])
            {
                condition.ObservedGeneration = observed ?? generation;
            }
        }

        return new BlueGreenRelease
        {
            Metadata = new()
            {
                Name = "myapp",
                NamespaceProperty = "shop",
                Generation = generation,
                ResourceVersion = "4711",
                Uid = "6f1b6a52-3f1e-4d36-9d3c-5b8c1f7f2a10",
                Annotations = new Dictionary<string, string> { ["team"] = "payments" },
            },
            Spec = new()
            {
                AppRef = new() { Name = "myapp" },
                FrontendRef = new() { Name = "myapp-nlb" },
                Version = new() { Label = "1.0.2", SourceBundle = new() { S3Bucket = "bundles", S3Key = "myapp/1.0.2.zip" } },
            },
            Status = status,
        };
    }

    private static BlueGreenRelease Weighted(BlueGreenReleaseStatus status)
    {
        var release = Release(status);
        release.Spec.Strategy.Cutover = CutoverMethod.NlbWeighted;
        release.Spec.Strategy.Steps = [new() { Weight = 25 }, new() { Weight = 100 }];
        status.Traffic = new TrafficStatus { Step = 1, GreenWeight = 25, Summary = "green 25%", Steps = [new() { Weight = 25, StartedAt = T0 }] };
        return release;
    }

    private static BlueGreenReleaseStatus Status(ReleasePhase phase, bool ready = false, string? pause = null)
    {
        var ended = phase is ReleasePhase.Aborted or ReleasePhase.RolledBack or ReleasePhase.Failed;
        var rest = ended || phase is ReleasePhase.Idle or ReleasePhase.Succeeded;
        return new BlueGreenReleaseStatus
        {
            Phase = phase,
            PhaseSince = T0,
            Message = $"{phase}: what ebops is doing",
            Reason = ended ? "GateFailed" : "NewVersion",
            StableVersion = "1.0.1",
            CandidateVersion = phase is ReleasePhase.Idle or ReleasePhase.Succeeded ? null : "1.0.2",
            ActiveColor = DeploymentColor.Blue,
            PauseReason = pause,
            Gate = new GateStatus { ConsecutiveSuccesses = 1, Summary = "1/3" },
            Conditions =
            [
                Condition(ConditionTypes.Ready, ready, ready ? "Released" : "Releasing", ready ? "1.0.1 serves" : "release in progress"),
                Condition(ConditionTypes.Reconciling, !rest, "Releasing", null),
                Condition(ConditionTypes.Stalled, false, "Recovered", null),
                Condition(ConditionTypes.Synced, true, "Synced", null),
            ],
        };
    }

    private static BlueGreenReleaseStatus Promoted(BlueGreenReleaseStatus status)
    {
        status.PromotedBy = "alice";
        return status;
    }

    private static BlueGreenReleaseStatus Stalled(BlueGreenReleaseStatus status)
    {
        status.Conditions!.RemoveAll(c => c.Type == ConditionTypes.Stalled);
        status.Conditions.Add(Condition(ConditionTypes.Stalled, true, "BundleNotFound", "spec.version.sourceBundle: s3://bundles/myapp/1.0.2.zip does not exist"));
        return status;
    }

    private static Condition Condition(string type, bool value, string reason, string? message) => new()
    {
        Type = type,
        Status = value ? ConditionStatus.True : ConditionStatus.False,
        Reason = reason,
        Message = message,
        LastTransitionTime = T0,
    };
}
