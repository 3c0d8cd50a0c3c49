using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

/// <summary>The phases of the release state machine (ARCHITECTURE §3).</summary>
[Description("Phase of the release state machine.")]
[JsonConverter(typeof(JsonStringEnumConverter<ReleasePhase>))]
public enum ReleasePhase
{
    /// <summary>No release in progress; the stable version serves traffic.</summary>
    [JsonStringEnumMemberName("Idle")]
    Idle,

    /// <summary>Creating or updating the green environment with the candidate version.</summary>
    [JsonStringEnumMemberName("ProvisioningGreen")]
    ProvisioningGreen,

    /// <summary>Running the health gate against green.</summary>
    [JsonStringEnumMemberName("Verifying")]
    Verifying,

    /// <summary>Gate passed; waiting for a manual promote or autoPromotionSeconds.</summary>
    [JsonStringEnumMemberName("AwaitingPromotion")]
    AwaitingPromotion,

    /// <summary>Moving traffic to green (listener switch or CNAME swap).</summary>
    [JsonStringEnumMemberName("CuttingOver")]
    CuttingOver,

    /// <summary>Traffic on green; post-cut-over checks for bakeSeconds.</summary>
    [JsonStringEnumMemberName("Baking")]
    Baking,

    /// <summary>A bake check failed; moving traffic back to blue.</summary>
    [JsonStringEnumMemberName("SwitchingBack")]
    SwitchingBack,

    /// <summary>Waiting out blue retention, then terminating blue.</summary>
    [JsonStringEnumMemberName("RetiringBlue")]
    RetiringBlue,

    /// <summary>The candidate is the new stable version.</summary>
    [JsonStringEnumMemberName("Succeeded")]
    Succeeded,

    /// <summary>A deadline passed or the gate failed; keeping green for abortGreenRetentionSeconds, then terminating it.</summary>
    [JsonStringEnumMemberName("Aborting")]
    Aborting,

    /// <summary>The release was abandoned before traffic moved; blue still serves.</summary>
    [JsonStringEnumMemberName("Aborted")]
    Aborted,

    /// <summary>Traffic was moved back to the previous version.</summary>
    [JsonStringEnumMemberName("RolledBack")]
    RolledBack,

    /// <summary>The release cannot go on and there is nothing to fall back to (for example green failed its bake on an
    /// app's first release); status.message says why. A new version or a retry starts over.</summary>
    [JsonStringEnumMemberName("Failed")]
    Failed,
}
