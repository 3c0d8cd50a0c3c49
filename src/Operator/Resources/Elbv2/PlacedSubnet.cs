namespace Ebops.Operator.Resources.Elbv2;

/// <summary>A subnet a load balancer can be placed in: its VPC and Availability Zone.</summary>
internal sealed record PlacedSubnet(string SubnetId, string VpcId, string AvailabilityZone);
