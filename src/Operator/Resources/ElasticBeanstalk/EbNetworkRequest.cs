namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Where environments should run, as the user wrote it: no <paramref name="InstanceSubnets"/> means the account's
/// default VPC and its default subnets; no <paramref name="LoadBalancerSubnets"/> means the instance subnets.
/// </summary>
public sealed record EbNetworkRequest(
    string? VpcId,
    IReadOnlyList<string> InstanceSubnets,
    IReadOnlyList<string> LoadBalancerSubnets,
    bool AssociatePublicIpAddress);
