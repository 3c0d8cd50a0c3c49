namespace Ebops.Operator.Resources.Elbv2;

/// <summary>A load balancer as DescribeLoadBalancers and DescribeTags report it.</summary>
internal sealed record NetworkLoadBalancerObserved(
    string Arn,
    string Name,
    string Type,
    string Scheme,
    string? DnsName,
    string? VpcId,
    string State,
    IReadOnlyList<NlbZone> Zones,
    IReadOnlyDictionary<string, string> Tags)
{
    public bool IsActive => State == Aws.Elbv2.Elbv2Statuses.LoadBalancerActive;

    public bool IsAdopted => Tags.TryGetValue(OwnershipTags.Adopted, out var value) && value == "true";
}
