using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The observed state of the release.")]
public sealed class BlueGreenReleaseStatus : ResourceStatus
{
    [Description("Phase of the release state machine: Idle, ProvisioningGreen, Verifying, AwaitingPromotion, CuttingOver, Baking, SwitchingBack, RetiringBlue, Succeeded, Aborting, Aborted or RolledBack.")]
    [JsonPropertyName("phase")]
    public ReleasePhase? Phase { get; set; }

    [Description("When the current phase began (deadlines count from here).")]
    [JsonPropertyName("phaseSince")]
    public DateTimeOffset? PhaseSince { get; set; }

    [Description("Human-readable summary of what the release is doing or waiting for.")]
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [Description("Version label serving traffic before this release.")]
    [JsonPropertyName("stableVersion")]
    public string? StableVersion { get; set; }

    [Description("Number of the release in progress or last ended, counting from 1; AWS objects of a release are tagged with it.")]
    [JsonPropertyName("releaseNumber")]
    public int? ReleaseNumber { get; set; }

    [Description("Colour of the environment the candidate runs in.")]
    [JsonPropertyName("candidateColor")]
    public DeploymentColor? CandidateColor { get; set; }

    [Description("When the release in progress (or the last one) started.")]
    [JsonPropertyName("startedAt")]
    public DateTimeOffset? StartedAt { get; set; }

    [Description("CamelCase reason of the last transition, e.g. GatePassed, GateFailed, ProgressDeadlineExceeded, AbortRequested, BakeFailed, Superseded.")]
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [Description("Who or what promoted the release: auto, or the user of the promote signal.")]
    [JsonPropertyName("promotedBy")]
    public string? PromotedBy { get; set; }

    [Description("Id of the last signal handled (promote, abort, retry, rollback), so each is applied once.")]
    [JsonPropertyName("lastSignalId")]
    public string? LastSignalId { get; set; }

    [Description("The phases of the current release and when each began.")]
    [JsonPropertyName("phases")]
    public List<PhaseTiming>? Phases { get; set; }

    [Description("An environment waiting out its retention before it is terminated.")]
    [JsonPropertyName("pendingTermination")]
    public PendingTermination? PendingTermination { get; set; }

    [Description("Version label being released.")]
    [JsonPropertyName("candidateVersion")]
    public string? CandidateVersion { get; set; }

    [Description("The colour serving production traffic.")]
    [JsonPropertyName("activeColor")]
    public DeploymentColor? ActiveColor { get; set; }

    [Description("Evidence of the health gate.")]
    [JsonPropertyName("gate")]
    public GateStatus? Gate { get; set; }

    [Description("Where traffic goes (NlbSwitch).")]
    [JsonPropertyName("traffic")]
    public TrafficStatus? Traffic { get; set; }

    [Description("Why the release is paused (e.g. AwaitingPromotion); empty when it is not.")]
    [JsonPropertyName("pauseReason")]
    public string? PauseReason { get; set; }

    [Description("Extra capacity held by the release (two environments at once).")]
    [JsonPropertyName("extraCapacity")]
    public ExtraCapacityStatus? ExtraCapacity { get; set; }

    [Description("The ordered AWS steps of this release and their state.")]
    [JsonPropertyName("plan")]
    public List<PlanStep>? Plan { get; set; }

    [Description("The last releases, newest first.")]
    [JsonPropertyName("history")]
    public List<ReleaseRecord>? History { get; set; }
}
