namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// DescribeEnvironmentHealth of one environment: status, health colour, enhanced health status with its causes,
/// instance counts by health status, and the application metrics of the last <c>Duration</c> seconds.
/// </summary>
public sealed record EbEnvironmentHealth(
    string EnvironmentName,
    string? Status,
    string? Color,
    string? HealthStatus,
    IReadOnlyList<string> Causes,
    EbInstanceHealthCounts Instances,
    EbApplicationMetrics? Metrics,
    DateTimeOffset? RefreshedAt);
