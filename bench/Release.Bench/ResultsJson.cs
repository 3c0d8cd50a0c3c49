using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Bench.Release;

/// <summary><c>{"scenario": "release", "results": [{"strategy": "...", "failedRequests": 0, ...}]}</c> (or <c>"case"</c>
/// for the fleet scenarios); a missing figure is null.</summary>
internal static class ResultsJson
{
    public static string Render(string scenario, IReadOnlyList<StrategyResult> results) =>
        Render(scenario, "strategy", [.. results.Select(r => new CaseResult(r.Strategy, r.Metrics))]);

    public static string Render(string scenario, string key, IReadOnlyList<CaseResult> results)
    {
        var array = new JsonArray();
        foreach (var result in results)
        {
            var entry = new JsonObject { [key] = result.Name };
            foreach (var (name, value) in result.Metrics)
            {
                entry[name] = value is { } number && double.IsFinite(number) ? JsonValue.Create(Math.Round(number, 6)) : null;
            }

            array.Add(entry);
        }

        return new JsonObject { ["scenario"] = scenario, ["results"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="path"/> (directories created); returns the full path.</summary>
    public static async Task<string> WriteAsync(string path, string json, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, json, cancellationToken).ConfigureAwait(false);
        return full;
    }
}
