namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>One entry of DescribeTargetHealth.</summary>
public sealed record TargetHealthDescription(string Id, int Port, string HealthCheckPort, string State, string? Reason, string? Description);
