namespace Ebops.Operator.Resources.Elbv2;

/// <summary>One registered target of a target group and its health (DescribeTargetHealth). <c>State</c>: initial, healthy, unhealthy, unhealthy.draining, unused, draining or unavailable (<see cref="Aws.Elbv2.Elbv2Statuses"/>).</summary>
internal sealed record TargetHealthObserved(string TargetId, int? Port, string State, string? Reason, string? Description)
{
    public bool IsHealthy => State == Aws.Elbv2.Elbv2Statuses.TargetHealthy;
}
