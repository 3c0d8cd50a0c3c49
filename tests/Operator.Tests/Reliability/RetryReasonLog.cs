using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ebops.Operator.Tests.Controllers.Support.Release;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// Every Reconciling=True condition with an AWS retry reason (AwsThrottled, AwsUnavailable, ...) that any status write of
/// the world stored, as <c>plural reason</c>: what a user watching the objects saw while a fault lasted.
/// </summary>
internal sealed class RetryReasonLog
{
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);

    public RetryReasonLog(ReleaseWorld world) => world.Writes.Recorded += OnWrite;

    /// <summary>The distinct <c>plural reason</c> pairs seen, sorted.</summary>
    public IReadOnlyList<string> Seen => [.. seen.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The reasons seen, whatever the kind.</summary>
    public IReadOnlySet<string> Reasons => seen.Keys.Select(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.Ordinal);

    private void OnWrite(string path, string body)
    {
        if (!path.EndsWith("/status", StringComparison.Ordinal) || JsonNode.Parse(body)?["status"]?["conditions"] is not JsonArray conditions)
        {
            return;
        }

        var parts = path.Split('/');
        var plural = parts[^3];
        foreach (var condition in conditions)
        {
            if (condition?["type"]?.GetValue<string>() == "Reconciling" && condition["status"]?.GetValue<string>() == "True"
                && condition["reason"]?.GetValue<string>() is { } reason && reason.StartsWith("Aws", StringComparison.Ordinal))
            {
                seen.AddOrUpdate($"{plural} {reason}", 1, (_, n) => n + 1);
            }
        }
    }
}
