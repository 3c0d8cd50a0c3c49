namespace Ebops.Operator.Resources.Ec2;

/// <summary>An Elastic IP as DescribeAddresses reports it; associated while a network interface (an NLB's) holds it.</summary>
internal sealed record ElasticIpObserved(
    string AllocationId,
    string PublicIp,
    string? AssociationId,
    string? NetworkInterfaceId,
    IReadOnlyDictionary<string, string> Tags)
{
    public bool IsAssociated => AssociationId is not null || NetworkInterfaceId is not null;
}
