namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>One subnet of a load balancer, with the Elastic IP an NLB got there.</summary>
internal sealed record LoadBalancerZone(string SubnetId, string ZoneName, string NetworkInterfaceId, string? AllocationId, string? IpAddress);
