namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>Green and blue over the same metrics window: requests, 5xx share (percent) and p99 latency (ms, null when unknown).</summary>
public sealed record TrafficComparison(
    long GreenRequests,
    double GreenErrorPercent,
    double? GreenP99Ms,
    long BlueRequests,
    double BlueErrorPercent,
    double? BlueP99Ms)
{
    public override string ToString() =>
        $"green 5xx {GreenErrorPercent:0.##}% ({GreenRequests} req), blue {BlueErrorPercent:0.##}% ({BlueRequests} req)" +
        (GreenP99Ms is { } g && BlueP99Ms is { } b ? $"; p99 {g:0} ms vs {b:0} ms" : "");
}
