using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Bench.Release;

/// <summary><c>{"scenario": "release", "results": [{"strategy": "...", "failedRequests": 0, ...}]}</c>; a missing figure is null.</summary>
internal static class ResultsJson
{
    public static string Render(string scenario, IReadOnlyList<StrategyResult> results)
    {
        var array = new JsonArray();
        foreach (var result in results)
        {
            var entry = new JsonObject { ["strategy"] = result.Strategy };
            foreach (var (name, value) in result.Metrics)
            {
                entry[name] = value is { } number ? JsonValue.Create(Math.Round(number, 6)) : null;
            }

            array.Add(entry);
        }

        return new JsonObject { ["scenario"] = scenario, ["results"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
