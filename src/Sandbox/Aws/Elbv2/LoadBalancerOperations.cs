using Ebops.Sandbox.Aws.Core;
using X = Ebops.Sandbox.Aws.Core.SimXml;
using R = Ebops.Sandbox.Aws.Elbv2.Elbv2Xml;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer, Describe/ModifyLoadBalancerAttributes.</summary>
internal sealed class LoadBalancerOperations(SimWorld world, LoadBalancerStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("CreateLoadBalancer", (request, p) => R.Respond(request, X.Members("LoadBalancers", [store.Create(ParseCreate(p))], LoadBalancerXml)))
        .Add("DescribeLoadBalancers", (request, p) =>
        {
            var (page, next) = R.Paginate(world.Paging, store.Describe(p.Members("LoadBalancerArns"), p.Members("Names")), p, request.Action);
            return R.Respond(request, X.Members("LoadBalancers", page, LoadBalancerXml), X.Opt("NextMarker", next));
        })
        .Add("DeleteLoadBalancer", async (request, p, _) =>
        {
            await store.DeleteAsync(p.Required("LoadBalancerArn")).ConfigureAwait(false);
            return R.Respond(request);
        })
        .Add("DescribeLoadBalancerAttributes", (request, p) => R.Respond(request, R.AttributesXml(store.DescribeAttributes(p.Required("LoadBalancerArn")))))
        .Add("ModifyLoadBalancerAttributes", (request, p) =>
        {
            var changed = R.ParseAttributes(p);
            return R.Respond(request, R.AttributesXml(store.ModifyAttributes(p.Required("LoadBalancerArn"), changed)));
        });

    private static CreateLoadBalancerInput ParseCreate(SimParams p)
    {
        var subnets = p.Members("Subnets").Select(s => new SubnetMappingInput(s, null)).ToList();
        var mappings = p.Structs("SubnetMappings").Select(m => new SubnetMappingInput(m.Required("SubnetId"), m.Get("AllocationId"))).ToList();
        if (subnets.Count > 0 && mappings.Count > 0)
        {
            throw Elbv2Errors.Validation("You can specify subnets or subnet mappings, but not both");
        }

        return new CreateLoadBalancerInput(
            p.Required("Name"),
            p.Get("Type"),
            p.Get("Scheme"),
            mappings.Count > 0 ? mappings : subnets,
            p.Members("SecurityGroups"),
            p.Tags(),
            p.Get("IpAddressType"));
    }

    private object?[] LoadBalancerXml(LoadBalancer lb) =>
    [
        X.Opt("LoadBalancerArn", lb.Arn),
        X.Opt("DNSName", lb.DnsName),
        X.Opt("CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        X.Opt("CreatedTime", lb.CreatedAt),
        X.Opt("LoadBalancerName", lb.Name),
        X.Opt("Scheme", lb.Scheme),
        X.Opt("VpcId", lb.VpcId),
        X.E("State", X.Opt("Code", lb.StateAt(world.Time.GetUtcNow()))),
        X.Opt("Type", lb.Type),
        X.Members("AvailabilityZones", lb.Zones, z =>
        [
            X.Opt("ZoneName", z.ZoneName),
            X.Opt("SubnetId", z.SubnetId),
            lb.IsApplication
                ? null
                : X.Members("LoadBalancerAddresses", z.AllocationId is null ? [] : new[] { z }, a => [X.Opt("IpAddress", a.IpAddress), X.Opt("AllocationId", a.AllocationId)]),
        ]),
        lb.SecurityGroups.Count > 0 || lb.IsApplication ? X.Strings("SecurityGroups", lb.SecurityGroups) : null,
        X.Opt("IpAddressType", lb.IpAddressType),
    ];
}
