namespace Ebops.Operator.Resources.Elbv2;

/// <summary>Where a network load balancer is: a subnet, its Availability Zone and the Elastic IP it holds there.</summary>
internal sealed record NlbZone(string SubnetId, string? ZoneName, string? AllocationId, string? IpAddress);
