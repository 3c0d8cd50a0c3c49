using System.Text.Json.Nodes;

namespace Ebops.Bench.Release.Fleet;

/// <summary>What the bench reads of one ebops object: Ready at its generation, the finalizer, and a release's phase,
/// versions and whether two environments run (<c>status.extraCapacity</c>).</summary>
internal sealed record FleetObject(
    string Kind,
    string Name,
    long Generation,
    bool Ready,
    bool HasFinalizer,
    string? Phase,
    string? StableVersion,
    string? CandidateVersion,
    IReadOnlyDictionary<string, string> Labels,
    bool ExtraCapacity = false)
{
    private static readonly HashSet<string> FailedPhases = ["Aborted", "RolledBack", "Failed"];

    /// <summary>The release's terminal outcome for <paramref name="version"/>: true succeeded, false failed, null still going.</summary>
    public bool? Released(string version) => Phase switch
    {
        "Succeeded" when StableVersion == version => true,
        { } phase when FailedPhases.Contains(phase) && CandidateVersion == version => false,
        _ => null,
    };

    public static FleetObject From(string kind, JsonNode item)
    {
        var metadata = item["metadata"]!;
        var generation = metadata["generation"]?.GetValue<long>() ?? 0;
        var status = item["status"];
        var ready = (status?["conditions"] as JsonArray ?? []).Any(c =>
            (string?)c!["type"] == "Ready" && (string?)c["status"] == "True" && (c["observedGeneration"]?.GetValue<long>() ?? -1) == generation);
        var labels = (metadata["labels"] as JsonObject ?? []).ToDictionary(l => l.Key, l => (string?)l.Value ?? "", StringComparer.Ordinal);
        return new FleetObject(
            kind,
            (string)metadata["name"]!,
            generation,
            ready,
            (metadata["finalizers"] as JsonArray ?? []).Count > 0,
            (string?)status?["phase"],
            (string?)status?["stableVersion"],
            (string?)status?["candidateVersion"],
            labels,
            status?["extraCapacity"] is JsonObject);
    }
}
