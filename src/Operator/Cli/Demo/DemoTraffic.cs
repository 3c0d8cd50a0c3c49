namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The load's last complete second (requests answered by each version, failures) and its totals since it started.
/// </summary>
internal sealed record DemoTraffic(TimeSpan Second, IReadOnlyDictionary<string, int> ByVersion, int Failed, long Requests, long FailedTotal);
