namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Why a network request cannot be used. <paramref name="Field"/> is the request's member, with an index for a list
/// item (<c>VpcId</c>, <c>InstanceSubnets[1]</c>, <c>LoadBalancerSubnets[0]</c>), or empty for the default VPC.
/// </summary>
public sealed record EbNetworkProblem(string Field, string Message);
