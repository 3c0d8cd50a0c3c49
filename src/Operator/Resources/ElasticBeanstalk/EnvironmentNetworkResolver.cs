using System.Collections.Concurrent;
using Amazon.EC2.Model;
using Ebops.Operator.Aws.Ec2;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Turns a network request into the VPC and subnets environments run in: the given subnets (checked to exist and to
/// share one VPC, the given one when set), or the default VPC and its default-for-AZ subnets. One or two EC2 reads;
/// a resolved network is remembered for <see cref="CacheLifetime"/> (subnets do not move between VPCs), so steady
/// polls cost none.
/// </summary>
public sealed class EnvironmentNetworkResolver(IEc2Api ec2, TimeProvider time)
{
    /// <summary>How long a resolved network is reused for the same request.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (EbEnvironmentNetwork Network, DateTimeOffset At)> resolved = new(StringComparer.Ordinal);

    /// <summary>How many resolved networks are remembered (tests: only those younger than <see cref="CacheLifetime"/>).</summary>
    public int Remembered => resolved.Count;

    public async Task<EbNetworkResolution> ResolveAsync(EbNetworkRequest request, CancellationToken cancellationToken)
    {
        var key = string.Join("|", request.VpcId, string.Join(",", request.InstanceSubnets), string.Join(",", request.LoadBalancerSubnets), request.AssociatePublicIpAddress);
        var now = time.GetUtcNow();
        if (resolved.TryGetValue(key, out var known) && now - known.At < CacheLifetime)
        {
            return new EbNetworkResolution(known.Network, null);
        }

        var result = await ResolveLiveAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Network is { } network)
        {
            // Requests change with specs and apps come and go: expired answers are dropped, not only replaced.
            foreach (var expired in resolved.Where(r => now - r.Value.At >= CacheLifetime).ToList())
            {
                resolved.TryRemove(expired);
            }

            resolved[key] = (network, now);
        }

        return result;
    }

    private async Task<EbNetworkResolution> ResolveLiveAsync(EbNetworkRequest request, CancellationToken cancellationToken)
    {
        if (request.InstanceSubnets.Count == 0)
        {
            return await DefaultAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var loadBalancerSubnets = request.LoadBalancerSubnets.Count > 0 ? request.LoadBalancerSubnets : request.InstanceSubnets;
        var ids = request.InstanceSubnets.Union(loadBalancerSubnets, StringComparer.Ordinal).ToList();

        // A filter (not SubnetIds) so that unknown ids are missing from the answer instead of failing the whole call.
        var found = (await ec2.DescribeSubnetsAsync(null, [new Filter("subnet-id", ids)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.SubnetId, s => s.VpcId, StringComparer.Ordinal);
        var vpcId = request.VpcId ?? found.GetValueOrDefault(request.InstanceSubnets[0]);
        var problem = Check("InstanceSubnets", request.InstanceSubnets, found, vpcId)
            ?? (request.LoadBalancerSubnets.Count > 0 ? Check("LoadBalancerSubnets", request.LoadBalancerSubnets, found, vpcId) : null);
        return problem is not null || vpcId is null
            ? new EbNetworkResolution(null, problem ?? new EbNetworkProblem("InstanceSubnets[0]", "subnet not found"))
            : new EbNetworkResolution(new EbEnvironmentNetwork(vpcId, request.InstanceSubnets, loadBalancerSubnets, request.AssociatePublicIpAddress), null);
    }

    private async Task<EbNetworkResolution> DefaultAsync(EbNetworkRequest request, CancellationToken cancellationToken)
    {
        var vpcs = await ec2.DescribeVpcsAsync(request.VpcId is null ? null : [request.VpcId],
            request.VpcId is null ? [new Filter("isDefault", ["true"])] : null, cancellationToken).ConfigureAwait(false);
        if (vpcs.FirstOrDefault() is not { } vpc)
        {
            return new EbNetworkResolution(null, request.VpcId is null
                ? new EbNetworkProblem("", "the account has no default VPC in this region; set the network's subnets")
                : new EbNetworkProblem("VpcId", "VPC not found"));
        }

        var filters = new List<Filter> { new("vpc-id", [vpc.VpcId]) };
        if (vpc.IsDefault == true)
        {
            filters.Add(new Filter("default-for-az", ["true"]));
        }

        var subnets = (await ec2.DescribeSubnetsAsync(null, filters, cancellationToken).ConfigureAwait(false))
            .Select(s => s.SubnetId).Order(StringComparer.Ordinal).ToList();
        return subnets.Count == 0
            ? new EbNetworkResolution(null, new EbNetworkProblem(request.VpcId is null ? "" : "VpcId", $"VPC {vpc.VpcId} has no subnets to use; set the network's subnets"))
            : new EbNetworkResolution(new EbEnvironmentNetwork(vpc.VpcId, subnets, subnets, request.AssociatePublicIpAddress), null);
    }

    private static EbNetworkProblem? Check(string field, IReadOnlyList<string> subnets, Dictionary<string, string> found, string? vpcId)
    {
        for (var i = 0; i < subnets.Count; i++)
        {
            if (!found.TryGetValue(subnets[i], out var subnetVpc))
            {
                return new EbNetworkProblem($"{field}[{i}]", $"subnet {subnets[i]} not found");
            }

            if (vpcId is not null && subnetVpc != vpcId)
            {
                return new EbNetworkProblem($"{field}[{i}]", $"subnet {subnets[i]} is in {subnetVpc}, not in {vpcId}");
            }
        }

        return null;
    }
}
