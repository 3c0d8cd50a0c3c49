namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>A target group's health check as the data plane runs it (durations already scaled by SimTiming).</summary>
/// <param name="Protocol">HTTP, HTTPS (checked as HTTP on loopback) or TCP.</param>
/// <param name="Path">Path for HTTP checks.</param>
/// <param name="Interval">Time between check rounds.</param>
/// <param name="Timeout">Time after which one check fails with Target.Timeout.</param>
/// <param name="HealthyThreshold">Consecutive successes to become healthy.</param>
/// <param name="UnhealthyThreshold">Consecutive failures to become unhealthy.</param>
/// <param name="Matcher">HTTP codes counted as success: "200", "200,202", "200-299".</param>
public sealed record HealthCheckSettings(
    string Protocol,
    string Path,
    TimeSpan Interval,
    TimeSpan Timeout,
    int HealthyThreshold,
    int UnhealthyThreshold,
    string Matcher = "200")
{
    /// <summary>True when <paramref name="statusCode"/> matches <see cref="Matcher"/>.</summary>
    public bool Matches(int statusCode)
    {
        foreach (var part in Matcher.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0
                && int.TryParse(part[..dash], out var low)
                && int.TryParse(part[(dash + 1)..], out var high)
                && statusCode >= low && statusCode <= high)
            {
                return true;
            }

            if (int.TryParse(part, out var code) && code == statusCode)
            {
                return true;
            }
        }

        return false;
    }
}
