using System.Text.Json.Nodes;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>How a fuzzed object ended, judged from its conditions (kstatus): null when acceptable, else why not.</summary>
internal static class FuzzOutcome
{
    private static readonly string[] Expected =
        ["AwsApiException", "HttpOperationException", "TerminalException", "OperationCanceledException", "TaskCanceledException"];

    /// <summary>
    /// Ready; or Stalled with a message naming a field; or Reconciling with a reason; or held where the user asked
    /// (Synced=False, reason DryRun for spec.dryRun or Paused for ebops.io/paused: nothing is done on purpose); or a
    /// release that ended (Aborted or RolledBack, Ready=False with the reason: it waits for a new version or a retry).
    /// </summary>
    public static string? Judge(JsonNode manifest)
    {
        var conditions = manifest["status"]?["conditions"]?.AsArray().Select(c => c!).ToList() ?? [];
        JsonNode? True(string type) => conditions.FirstOrDefault(c => (string?)c["type"] == type && (string?)c["status"] == "True");
        if (True("Stalled") is { } stalled)
        {
            var message = (string?)stalled["message"] ?? "";
            return NamesAField(message) ? null : $"Stalled without naming a field: {(string?)stalled["reason"]}: {message}";
        }

        if (True("Ready") is not null || IsHeld(conditions) || IsEnded(manifest, conditions))
        {
            return null;
        }

        return True("Reconciling") is { } reconciling && !string.IsNullOrEmpty((string?)reconciling["reason"])
            ? null
            : $"neither Ready, Stalled nor Reconciling with a reason: {manifest["status"]?.ToJsonString() ?? "no status"}";
    }

    /// <summary>Synced=False because the user holds the object (spec.dryRun, ebops.io/paused).</summary>
    public static bool IsHeld(IEnumerable<JsonNode> conditions) =>
        conditions.Any(c => (string?)c["type"] == "Synced" && (string?)c["status"] == "False" && (string?)c["reason"] is "DryRun" or "Paused");

    /// <summary>A BlueGreenRelease that ended without releasing, with the reason it ended.</summary>
    public static bool IsEnded(JsonNode manifest, IEnumerable<JsonNode> conditions) =>
        (string?)manifest["status"]?["phase"] is "Aborted" or "RolledBack"
        && conditions.Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "False" && !string.IsNullOrEmpty((string?)c["reason"]));

    /// <summary>A message names a field when it carries a path into the object (spec..., metadata.annotations...).</summary>
    public static bool NamesAField(string message) =>
        message.Contains("spec.", StringComparison.Ordinal) || message.Contains("metadata.annotations", StringComparison.Ordinal)
        || message.Contains("spec:", StringComparison.Ordinal) || message.Contains("spec[", StringComparison.Ordinal);

    /// <summary>
    /// The exception types in the operator's log that are not an expected failure of a call (AWS or Kubernetes
    /// refusing, a cancelled request, a stalled object): any other is a crash of a reconcile.
    /// </summary>
    public static IEnumerable<string> UnexpectedExceptions(IEnumerable<string> logLines) => logLines
        .Select(line => line.Split(" | ") is { Length: >= 3 } parts ? string.Join(" | ", parts[2..]) : "")
        .Where(text => text.Length > 0)
        .Select(text => text.Split(':', 2)[0].Trim())
        .Where(type => !Expected.Any(e => type.EndsWith(e, StringComparison.Ordinal)))
        .Distinct(StringComparer.Ordinal);
}
