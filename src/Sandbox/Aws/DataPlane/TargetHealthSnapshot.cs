namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>One target's health as DescribeTargetHealth reports it.</summary>
public sealed record TargetHealthSnapshot(string Id, int Port, string State, string? Reason, string? Description);
