namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>Where a load balancer node goes: a subnet, its VPC and zone, and the Elastic IP it takes there (NLB).</summary>
internal sealed record SubnetPlacement(string SubnetId, string VpcId, string Zone, string? AllocationId);
