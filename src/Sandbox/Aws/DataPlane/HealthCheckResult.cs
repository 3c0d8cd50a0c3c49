namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>The outcome of one health check: success, or the ELBv2 reason and description of the failure.</summary>
internal sealed record HealthCheckResult(bool Ok, string? Reason, string? Description)
{
    public static HealthCheckResult Success { get; } = new(true, null, null);
}
