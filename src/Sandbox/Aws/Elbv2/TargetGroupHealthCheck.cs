using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>ELBv2's health check ranges, and the settings the data plane's real checks run with.</summary>
internal static class TargetGroupHealthCheck
{
    private static readonly TimeSpan MinCheckInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MinCheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Interval 5-300 s, timeout 2-120 s and below the interval, thresholds 2-10; ValidationError otherwise.</summary>
    public static void Validate(int interval, int timeout, int healthy, int unhealthy)
    {
        if (interval is < 5 or > 300)
        {
            throw Elbv2Errors.Validation("Health check interval must be between 5 and 300 seconds");
        }

        if (timeout is < 2 or > 120)
        {
            throw Elbv2Errors.Validation("Health check timeout must be between 2 and 120 seconds");
        }

        if (timeout >= interval)
        {
            throw Elbv2Errors.Validation("Health check timeout must be smaller than the interval");
        }

        if (healthy is < 2 or > 10 || unhealthy is < 2 or > 10)
        {
            throw Elbv2Errors.Validation("Health check thresholds must be between 2 and 10");
        }
    }

    /// <summary>
    /// The data-plane health check: durations scaled like everything else, but never more often than every 100 ms and
    /// never timing out in under 2 s, because the checks are real sockets (a 50 ms timeout would flap under load).
    /// </summary>
    public static HealthCheckSettings Settings(SimTiming timing, string protocol, string path, int interval, int timeout, int healthy, int unhealthy, string? matcher) => new(
        protocol,
        path,
        Max(timing.Of(TimeSpan.FromSeconds(interval)), MinCheckInterval),
        Max(timing.Of(TimeSpan.FromSeconds(timeout)), MinCheckTimeout),
        healthy,
        unhealthy,
        matcher ?? "200");

    public static HealthCheckSettings Settings(SimTiming timing, TargetGroup group) => Settings(timing,
        group.HealthCheckProtocol, group.HealthCheckPath, group.HealthCheckIntervalSeconds, group.HealthCheckTimeoutSeconds,
        group.HealthyThresholdCount, group.UnhealthyThresholdCount, group.Matcher);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
