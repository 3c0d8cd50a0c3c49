using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Tests.Aws.Rds;

namespace Ebops.Sandbox.Tests.Aws.Core;

/// <summary>The ISimNetwork contract EB and ELBv2 rely on, and what EC2 describes show of it.</summary>
public sealed class SimNetworkTests
{
    [Fact]
    public async Task Network_contract()
    {
        await using var host = await SimHost.StartAsync();
        var network = host.World.Network;
        Assert.Equal((SandboxNetwork.VpcId, SandboxNetwork.SubnetCZone), network.FindSubnet(SandboxNetwork.SubnetC));
        Assert.Null(network.FindSubnet("subnet-0123456789abcdef0"));
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], network.DefaultSubnets());

        var group = network.CreateServiceSecurityGroup(SandboxNetwork.VpcId, "awseb-e-abc-stack", "EB env", new Dictionary<string, string> { ["elasticbeanstalk:environment-id"] = "e-abc" });
        Assert.True(network.SecurityGroupExists(group));
        var duplicate = Assert.Throws<AwsSimException>(() =>
            network.CreateServiceSecurityGroup(SandboxNetwork.VpcId, "awseb-e-abc-stack", "again", new Dictionary<string, string>()));
        Assert.Equal("InvalidGroup.Duplicate", duplicate.Code);
        var described = await host.QueryAsync("ec2", "DescribeSecurityGroups", new Dictionary<string, string>
        {
            ["Filter.1.Name"] = "tag:elasticbeanstalk:environment-id", ["Filter.1.Value.1"] = "e-abc",
        });
        Assert.Equal(group, described.Value("groupId"));
        network.DeleteServiceSecurityGroup(group);
        network.DeleteServiceSecurityGroup(group);
        Assert.False(network.SecurityGroupExists(group));

        Assert.Null(network.FindElasticIp("eipalloc-0123456789abcdef0"));
        var missing = Assert.Throws<AwsSimException>(() => network.AssociateElasticIp("eipalloc-0123456789abcdef0", "eni-1"));
        Assert.Equal("InvalidAllocationID.NotFound", missing.Code);
        var allocation = (await host.QueryAsync("ec2", "AllocateAddress", new Dictionary<string, string> { ["Domain"] = "vpc" })).Value("allocationId")!;
        Assert.StartsWith("203.0.113.", network.FindElasticIp(allocation));
        network.AssociateElasticIp(allocation, "eni-1");
        network.AssociateElasticIp(allocation, "eni-1");
        Assert.Equal("Resource.AlreadyAssociated", Assert.Throws<AwsSimException>(() => network.AssociateElasticIp(allocation, "eni-2")).Code);
        network.DisassociateElasticIp(allocation);
        network.AssociateElasticIp(allocation, "eni-2");
    }

    [Fact]
    public async Task Page_size_can_change_at_run_time()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("a1");
        await rds.CreateMySqlAsync("b1");
        Assert.Null((await rds.OkAsync("DescribeDBInstances")).Value("Marker"));
        host.World.Paging.SetPageSize("rds", 1);
        var first = await rds.OkAsync("DescribeDBInstances");
        Assert.Equal(["a1"], first.All("DBInstanceIdentifier").Select(e => e.Value));
        Assert.NotNull(first.Value("Marker"));
    }
}
