using System.Globalization;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The plain progress (CI, pipes): from two consecutive snapshots, one line per change worth reading, each stamped
/// with the time since the demo started. A new step; an object's Ready condition; the release's phase and candidate;
/// each gate round with its streak and every check's result; each second of load (requests by version, failures).
/// </summary>
internal static class PlainProgressFormatter
{
    /// <summary><c>[mm:ss.f] text</c>.</summary>
    public static string Stamp(TimeSpan elapsed, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"[{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}.{elapsed.Milliseconds / 100}] {text}");

    /// <summary>The lines <paramref name="current"/> adds to <paramref name="previous"/> (unstamped, in reading order).</summary>
    public static IEnumerable<string> Changes(DemoSnapshot previous, DemoSnapshot current)
    {
        if (current.Step != previous.Step && current.Step.Length > 0)
        {
            yield return "== " + current.Step;
        }

        foreach (var line in Readiness(previous, current))
        {
            yield return line;
        }

        foreach (var line in Release(previous.Release?.Status, current.Release?.Status))
        {
            yield return line;
        }

        if (current.Traffic is { } traffic && traffic.Second != previous.Traffic?.Second && traffic.Requests > 0)
        {
            yield return Traffic(traffic);
        }
    }

    /// <summary><c>traffic: 1.0.1 120/s, 1.0.2 80/s, failed 0/s (failed so far: 0)</c>.</summary>
    public static string Traffic(DemoTraffic traffic)
    {
        var versions = traffic.ByVersion.Count == 0
            ? "no answers"
            : string.Join(", ", traffic.ByVersion.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value}/s")));
        return string.Create(CultureInfo.InvariantCulture, $"traffic: {versions}, failed {traffic.Failed}/s (failed so far: {traffic.FailedTotal})");
    }

    /// <summary><c>gate 1/2: eb-health Successful (health Ok); target-health Successful (healthy)</c>.</summary>
    public static string Gate(GateStatus gate)
    {
        var checks = (gate.Checks ?? []).Select(c => c.Message is { Length: > 0 } message ? $"{c.Name} {c.Phase} ({message})" : $"{c.Name} {c.Phase}");
        return $"gate {gate.Summary ?? gate.ConsecutiveSuccesses.ToString(CultureInfo.InvariantCulture)}: {string.Join("; ", checks)}";
    }

    private static IEnumerable<string> Readiness(DemoSnapshot previous, DemoSnapshot current)
    {
        var pairs = new (ICustomResource? Before, ICustomResource? Now)[]
        {
            (previous.Database, current.Database), (previous.App, current.App), (previous.Frontend, current.Frontend),
        };
        foreach (var (before, now) in pairs)
        {
            var ready = Conditions.Find(now?.StatusBase, ConditionTypes.Ready);
            var was = Conditions.Find(before?.StatusBase, ConditionTypes.Ready);
            if (now is not null && ready is not null && (ready.Status != was?.Status || ready.Reason != was?.Reason))
            {
                var detail = ready.Message is { Length: > 0 } message ? $"{ready.Reason}: {message}" : ready.Reason;
                yield return $"{EbopsKinds.Of(now.GetType()).Plural}/{now.Metadata.Name}: Ready={ready.Status} {detail}";
            }
        }
    }

    private static IEnumerable<string> Release(BlueGreenReleaseStatus? before, BlueGreenReleaseStatus? now)
    {
        if (now?.Phase is not { } phase)
        {
            yield break;
        }

        if (phase != before?.Phase || now.CandidateVersion != before.CandidateVersion)
        {
            var versions = now.StableVersion is { } stable && now.CandidateVersion is { } candidate && stable != candidate
                ? $"{stable} -> {candidate}"
                : now.CandidateVersion ?? now.StableVersion ?? "";
            yield return $"release {versions}: {phase}" + (now.Message is { Length: > 0 } message ? $" ({message})" : "");
        }

        if (now.Gate is { } gate && gate.LastRoundAt is not null && gate.LastRoundAt != before?.Gate?.LastRoundAt)
        {
            yield return Gate(gate);
        }

        if (now.Traffic?.Summary is { } summary && summary != before?.Traffic?.Summary)
        {
            yield return $"traffic switch: {summary}";
        }
    }
}
