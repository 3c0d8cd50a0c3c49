namespace Ebops.Bench.Release;

/// <summary>One row of a scenario's results: its name (a strategy, a case such as <c>apps-1000</c>, a run) and its
/// figures (camelCase metric name → value; null where a figure does not exist).</summary>
internal sealed record CaseResult(string Name, IReadOnlyList<KeyValuePair<string, double?>> Metrics)
{
    public double? this[string metric] => Metrics.FirstOrDefault(m => m.Key == metric).Value;
}
