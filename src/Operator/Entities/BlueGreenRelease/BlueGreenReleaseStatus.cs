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
