using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

/// <summary>
/// A status condition with the shape of metav1.Condition (type, status, observedGeneration, lastTransitionTime,
/// reason, message). kstatus, Argo CD and <c>kubectl wait --for=condition=...</c> read these.
/// </summary>
[Description("A condition of the resource, with the shape of a Kubernetes metav1.Condition.")]
public sealed class Condition
{
    /// <summary>Condition type: Ready, Reconciling, Stalled or Synced (see <see cref="ConditionTypes"/>).</summary>
    [Description("Type of the condition: Ready, Reconciling, Stalled or Synced.")]
    [Required]
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>"True", "False" or "Unknown".</summary>
    [Description("Status of the condition: True, False or Unknown.")]
    [Required]
    [JsonPropertyName("status")]
    public string Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>The metadata.generation the condition was computed from.</summary>
    [Description("The metadata.generation this condition was set from; older than metadata.generation means stale.")]
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>When the status last changed (not when the condition was last written).</summary>
    [Description("When the status last changed from one value to another.")]
    [JsonPropertyName("lastTransitionTime")]
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>CamelCase machine-readable reason.</summary>
    [Description("A CamelCase, machine-readable reason for the last transition.")]
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Human-readable message. Never contains secrets.</summary>
    [Description("A human-readable message about the last transition.")]
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>The condition types every ebops kind publishes.</summary>
public static class ConditionTypes
{
    /// <summary>True when the AWS side matches the spec and is usable. Set False early.</summary>
    public const string Ready = "Ready";

    /// <summary>kstatus abnormal-true: work is in progress.</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>kstatus abnormal-true: a terminal error; nothing is retried until the spec or a referenced Secret changes.</summary>
    public const string Stalled = "Stalled";

    /// <summary>True when the last reconcile brought AWS in line with the spec.</summary>
    public const string Synced = "Synced";
}

/// <summary>Values of <see cref="Condition.Status"/>.</summary>
public static class ConditionStatus
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}
