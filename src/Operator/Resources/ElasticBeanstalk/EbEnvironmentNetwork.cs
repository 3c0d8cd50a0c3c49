namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>The resolved network of environments: a VPC and subnets that exist and belong to it.</summary>
public sealed record EbEnvironmentNetwork(
    string VpcId,
    IReadOnlyList<string> InstanceSubnets,
    IReadOnlyList<string> LoadBalancerSubnets,
    bool AssociatePublicIpAddress);
