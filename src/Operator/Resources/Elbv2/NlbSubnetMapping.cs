namespace Ebops.Operator.Resources.Elbv2;

/// <summary>One subnet of a network load balancer and the Elastic IP it gets there.</summary>
internal sealed record NlbSubnetMapping(string SubnetId, string AllocationId);
