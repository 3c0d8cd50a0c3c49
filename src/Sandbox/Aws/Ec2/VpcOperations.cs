using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>DescribeVpcs and DescribeSubnets.</summary>
internal sealed class VpcOperations(SimWorld world, VpcStore store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("DescribeVpcs", DescribeVpcs)
        .Add("DescribeSubnets", DescribeSubnets);

    private SimResponse DescribeVpcs(SimRequest request, SimParams p)
    {
        var page = Ec2Xml.Page(world, p, "vpcs", store.DescribeVpcs(p.List("VpcId"), Ec2Filters.Read(p)));
        return Ec2Response(request,
            E("vpcSet", page.Items.Select(v => E("item",
                E("vpcId", v.VpcId), E("ownerId", world.AccountId), E("state", "available"), E("cidrBlock", v.CidrBlock),
                E("cidrBlockAssociationSet", E("item", E("cidrBlock", v.CidrBlock), E("associationId", "vpc-cidr-assoc-" + v.VpcId[4..]),
                    E("cidrBlockState", E("state", "associated")))),
                E("dhcpOptionsId", "dopt-0d0d0d0d0d0d0d0d0"), E("instanceTenancy", "default"), E("isDefault", v.IsDefault),
                Ec2Xml.TagSet(v.Tags)))),
            Opt("nextToken", page.NextToken));
    }

    private SimResponse DescribeSubnets(SimRequest request, SimParams p)
    {
        var page = Ec2Xml.Page(world, p, "subnets", store.DescribeSubnets(p.List("SubnetId"), Ec2Filters.Read(p)));
        return Ec2Response(request,
            E("subnetSet", page.Items.Select(s => E("item",
                E("subnetId", s.SubnetId), E("subnetArn", world.Ids.Arn("ec2", "subnet/" + s.SubnetId)), E("state", "available"),
                E("ownerId", world.AccountId), E("vpcId", s.VpcId), E("cidrBlock", s.CidrBlock),
                E("availableIpAddressCount", 4091), E("availabilityZone", s.AvailabilityZone),
                E("availabilityZoneId", "apne2-az" + (s.AvailabilityZone[^1] - 'a' + 1)),
                E("defaultForAz", s.DefaultForAz), E("mapPublicIpOnLaunch", s.DefaultForAz),
                E("assignIpv6AddressOnCreation", false), Ec2Xml.TagSet(s.Tags)))),
            Opt("nextToken", page.NextToken));
    }
}
