namespace Ebops.Operator.Resources.Elbv2;

/// <summary>A load balancer's lifecycle state (provisioning, active, active_impaired, failed) by ARN.</summary>
public sealed record LoadBalancerState(string Arn, string State);
