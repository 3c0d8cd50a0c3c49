namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>One target group of a forward action and its weight (0-999; 0 receives no new traffic).</summary>
public sealed record WeightedTargetGroup(TargetGroupRuntime Group, int Weight);
