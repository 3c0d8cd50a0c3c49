namespace Ebops.Operator.Resources.Elbv2;

/// <summary>A target group of a forward action and its weight (0-999; new connections follow the weights).</summary>
internal sealed record WeightedTargetGroup(string TargetGroupArn, int Weight);
