namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>One TargetDescription of RegisterTargets / DeregisterTargets / DescribeTargetHealth.</summary>
internal sealed record TargetInput(string Id, int? Port, string? AvailabilityZone = null);
