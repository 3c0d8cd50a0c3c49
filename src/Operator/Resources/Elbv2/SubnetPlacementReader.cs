using Amazon.EC2.Model;
using Ebops.Operator.Aws.Ec2;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// Where a network load balancer's subnets are (EC2 DescribeSubnets), for the checks before it is created: subnets
/// that do not exist are simply absent from the answer (a <c>subnet-id</c> filter, not SubnetIds, which would fail the
/// whole call on the first unknown id).
/// </summary>
internal sealed class SubnetPlacementReader(IEc2Api ec2)
{
    /// <summary>The subnets of <paramref name="subnetIds"/> that exist, by id (one call).</summary>
    public async Task<IReadOnlyDictionary<string, PlacedSubnet>> ReadAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        if (subnetIds.Count == 0)
        {
            return new Dictionary<string, PlacedSubnet>(StringComparer.Ordinal);
        }

        var subnets = await ec2.DescribeSubnetsAsync(null, [new Filter("subnet-id", [.. subnetIds.Distinct(StringComparer.Ordinal)])], cancellationToken).ConfigureAwait(false);
        return subnets
            .Where(s => s.SubnetId is not null)
            .GroupBy(s => s.SubnetId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new PlacedSubnet(g.Key, g.First().VpcId ?? "", g.First().AvailabilityZone ?? ""), StringComparer.Ordinal);
    }
}
