using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The weighted shift's comparison of green with blue: green fails when its 5xx share is above the absolute ceiling,
/// or above blue's by more than the allowed margin, or its p99 latency is slower than blue's by more than the allowed
/// percentage. Fewer requests than minRequests: no verdict yet.
/// </summary>
public static class AnalysisRules
{
    public static (bool? Passed, string Evidence) Evaluate(TrafficComparison comparison, WeightedAnalysis analysis)
    {
        var evidence = comparison.ToString();
        if (comparison.GreenRequests < analysis.MinRequests)
        {
            return (null, $"{evidence}; fewer than {analysis.MinRequests} requests to green, no verdict yet");
        }

        if (comparison.GreenErrorPercent > analysis.MaxErrorPercent)
        {
            return (false, $"{evidence}; green's 5xx share is above {analysis.MaxErrorPercent}%");
        }

        if (comparison.GreenErrorPercent > comparison.BlueErrorPercent + analysis.MaxErrorPercentOverBlue)
        {
            return (false, $"{evidence}; green's 5xx share exceeds blue's by more than {analysis.MaxErrorPercentOverBlue} points");
        }

        if (analysis.MaxP99IncreasePercent > 0 && comparison is { GreenP99Ms: { } green, BlueP99Ms: { } blue } && blue > 0
            && green > blue * (1 + (analysis.MaxP99IncreasePercent / 100.0)))
        {
            return (false, $"{evidence}; green's p99 is more than {analysis.MaxP99IncreasePercent}% slower than blue's");
        }

        return (true, evidence);
    }
}
