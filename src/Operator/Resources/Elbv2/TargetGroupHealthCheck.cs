namespace Ebops.Operator.Resources.Elbv2;

/// <summary>The health check of a target group (the NLB checking its target). Every member is modifiable.</summary>
internal sealed record TargetGroupHealthCheck(
    string Protocol,
    string Path,
    string Port,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string Matcher);
