using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// EC2 (2016-11-15), the calls ebops makes through AWSSDK.EC2: DescribeVpcs, DescribeSubnets, Create/Describe/Delete
/// SecurityGroup(s), Authorize/RevokeSecurityGroupIngress, DescribeSecurityGroupRules, AllocateAddress,
/// DescribeAddresses, ReleaseAddress, Create/Delete/DescribeTags. Lists use EC2's <c>Name.N</c> encoding
/// (<c>GroupId.1</c>, <c>IpPermissions.1.IpRanges.1.CidrIp</c>, <c>IpPermissions.1.Groups.1.GroupId</c>,
/// <c>Filter.1.Value.1</c>, <c>TagSpecification.1.Tag.1.Key</c>) as the official model's locationNames give it.
/// Every action answers <c>DryRunOperation</c> when <c>DryRun=true</c>.
/// </summary>
internal sealed class Ec2Handler(SimWorld world, Ec2Network network) : SimServiceHandler(
    Ec2Xml.Service,
    SimParamErrors.Default,
    new VpcOperations(world, network.Vpcs),
    new SecurityGroupOperations(world, network.Groups),
    new SecurityGroupRuleOperations(world, network.Groups),
    new AddressOperations(world, network.Addresses),
    new Ec2TagOperations(world, network.Tags))
{
    public Ec2Handler(SimWorld world)
        : this(world, Ec2Network.For(world))
    {
    }

    public override ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        if (new SimParams(request.Parameters).Bool("DryRun") == true)
        {
            throw new AwsSimException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        }

        return base.HandleAsync(request, cancellationToken);
    }
}
