using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>AllocateAddress, DescribeAddresses, ReleaseAddress.</summary>
internal sealed class AddressOperations(SimWorld world, AddressStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("AllocateAddress", Allocate)
        .Add("DescribeAddresses", Describe)
        .Add("ReleaseAddress", Release);

    private SimResponse Allocate(SimRequest request, SimParams p)
    {
        var address = store.Allocate(p.Get("Domain") ?? "vpc", Ec2Xml.TagSpecifications(p, "elastic-ip"));
        return Ec2Response(request,
            E("publicIp", address.PublicIp), E("domain", "vpc"), E("allocationId", address.AllocationId),
            E("publicIpv4Pool", "amazon"), E("networkBorderGroup", world.Region));
    }

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var addresses = store.Describe(p.List("AllocationId"), p.List("PublicIp"), Ec2Filters.Read(p));
        return Ec2Response(request, E("addressesSet", addresses.Select(a => E("item",
            E("publicIp", a.PublicIp), E("allocationId", a.AllocationId), E("domain", "vpc"),
            Opt("associationId", a.AssociationId), Opt("networkInterfaceId", a.NetworkInterfaceId),
            a.NetworkInterfaceId is null ? null : E("networkInterfaceOwnerId", world.AccountId),
            Ec2Xml.TagSet(a.Tags), E("publicIpv4Pool", "amazon"), E("networkBorderGroup", world.Region)))));
    }

    private SimResponse Release(SimRequest request, SimParams p)
    {
        store.Release(p.Get("AllocationId"), p.Get("PublicIp"));
        return Ec2Response(request, E("return", true));
    }
}
