using Amazon.EC2.Model;
using Ebops.Operator.Aws.Ec2;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// What RDS would refuse in a DB subnet group's subnets, checked with one EC2 read before CreateDBSubnetGroup or
/// ModifyDBSubnetGroup, so that bad input writes nothing: every subnet exists (<c>InvalidSubnet</c>), all are in one
/// VPC (<c>InvalidSubnet</c>: "Subnets in a DB subnet group must all be in the same VPC"), and they cover at least two
/// Availability Zones (<c>DBSubnetGroupDoesNotCoverEnoughAZs</c>).
/// </summary>
public sealed class SubnetGroupPreflight(IEc2Api ec2)
{
    /// <summary>The first problem, or null when RDS would accept the subnets.</summary>
    public async Task<SubnetGroupProblem?> CheckAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        // A filter (not SubnetIds) so that unknown ids are missing from the answer instead of failing the whole call.
        var found = (await ec2.DescribeSubnetsAsync(null, [new Filter("subnet-id", [.. subnetIds.Distinct(StringComparer.Ordinal)])], cancellationToken)
                .ConfigureAwait(false))
            .Where(s => s.SubnetId is not null)
            .GroupBy(s => s.SubnetId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return Check(subnetIds, found);
    }

    /// <summary>Pure: the problem with <paramref name="subnetIds"/> given the subnets that exist.</summary>
    public static SubnetGroupProblem? Check(IReadOnlyList<string> subnetIds, IReadOnlyDictionary<string, Subnet> found)
    {
        for (var i = 0; i < subnetIds.Count; i++)
        {
            if (!found.ContainsKey(subnetIds[i]))
            {
                return new SubnetGroupProblem(i, $"subnet {subnetIds[i]} does not exist");
            }
        }

        var vpc = found[subnetIds[0]].VpcId;
        for (var i = 1; i < subnetIds.Count; i++)
        {
            if (found[subnetIds[i]].VpcId != vpc)
            {
                return new SubnetGroupProblem(i, $"subnet {subnetIds[i]} is in {found[subnetIds[i]].VpcId}, not in {vpc} like the first subnet; a DB subnet group's subnets share one VPC");
            }
        }

        var zones = subnetIds.Select(id => found[id].AvailabilityZone).Distinct(StringComparer.Ordinal).ToList();
        return zones.Count < 2
            ? new SubnetGroupProblem(null, $"the subnets are all in {zones[0]}; RDS needs subnets in at least two Availability Zones")
            : null;
    }
}
