namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>The environment's target group as its default process options configure it.</summary>
internal sealed record EbTargetGroupSettings(
    string HealthCheckPath,
    int HealthCheckIntervalSeconds,
    int HealthCheckTimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string Matcher,
    int DeregistrationDelaySeconds);
