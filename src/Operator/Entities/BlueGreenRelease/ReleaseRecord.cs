using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("A finished release.")]
public sealed class ReleaseRecord
{
    [Description("Version label released.")]
    [JsonPropertyName("version")]
    public string Version { get; set; } = "";

    [Description("Succeeded, Aborted or RolledBack.")]
    [JsonPropertyName("outcome")]
    public ReleaseOutcome Outcome { get; set; }

    [Description("Number of the release.")]
    [JsonPropertyName("releaseNumber")]
    public int? ReleaseNumber { get; set; }

    [Description("Why it ended so, e.g. GateFailed or BakeFailed (CamelCase).")]
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [Description("Who or what promoted it.")]
    [JsonPropertyName("promotedBy")]
    public string? PromotedBy { get; set; }

    [Description("Seconds spent in each phase.")]
    [JsonPropertyName("phaseSeconds")]
    public Dictionary<string, long>? PhaseSeconds { get; set; }

    [Description("When the release started.")]
    [JsonPropertyName("startedAt")]
    public DateTimeOffset? StartedAt { get; set; }

    [Description("When it ended.")]
    [JsonPropertyName("finishedAt")]
    public DateTimeOffset? FinishedAt { get; set; }
}
