namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>ELBv2 TargetHealth states and reason codes, as DescribeTargetHealth reports them.</summary>
public static class TargetHealthStates
{
    public const string Initial = "initial";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string Unused = "unused";
    public const string Draining = "draining";

    public const string RegistrationInProgress = "Elb.RegistrationInProgress";
    public const string InitialHealthChecking = "Elb.InitialHealthChecking";
    public const string ResponseCodeMismatch = "Target.ResponseCodeMismatch";
    public const string Timeout = "Target.Timeout";
    public const string FailedHealthChecks = "Target.FailedHealthChecks";
    public const string NotRegistered = "Target.NotRegistered";
    public const string NotInUse = "Target.NotInUse";
    public const string DeregistrationInProgress = "Target.DeregistrationInProgress";

    public const string RegistrationInProgressDescription = "Target registration is in progress";
    public const string InitialHealthCheckingDescription = "Initial health checks in progress";
    public const string TimeoutDescription = "Request timed out";
    public const string FailedHealthChecksDescription = "Health checks failed";
    public const string NotRegisteredDescription = "Target is not registered to the target group";
    public const string NotInUseDescription = "Target group is not configured to receive traffic from the load balancer";
    public const string DeregistrationInProgressDescription = "Target deregistration is in progress";
}
