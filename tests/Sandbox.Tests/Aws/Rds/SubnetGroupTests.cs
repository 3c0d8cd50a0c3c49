using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>ModifyDBSubnetGroup and DeleteDBSubnetGroup (API reference: errors DBSubnetGroupNotFoundFault,
/// DBSubnetGroupDoesNotCoverEnoughAZs, InvalidSubnet, SubnetAlreadyInUse "The DB subnet is already in use in the
/// Availability Zone", InvalidDBSubnetGroupStateFault "The DB subnet group cannot be deleted because it's in use").</summary>
public sealed class SubnetGroupTests
{
    [Fact]
    public async Task Modify_replaces_the_subnets_but_keeps_the_zones_in_use()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var vpc = host.World.Ec2.AddVpc("10.1.0.0/16",
            ("subnet-0a0000000000000a1", "10.1.0.0/20", "ap-northeast-2a"),
            ("subnet-0b0000000000000b1", "10.1.16.0/20", "ap-northeast-2b"),
            ("subnet-0c0000000000000c1", "10.1.32.0/20", "ap-northeast-2c"));
        await rds.OkAsync("CreateDBSubnetGroup", ("DBSubnetGroupName", "shop"), ("DBSubnetGroupDescription", "shop"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0a0000000000000a1"), ("SubnetIds.SubnetIdentifier.2", "subnet-0b0000000000000b1"));
        var modified = await rds.OkAsync("ModifyDBSubnetGroup", ("DBSubnetGroupName", "shop"), ("DBSubnetGroupDescription", "shop, three zones"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0a0000000000000a1"), ("SubnetIds.SubnetIdentifier.2", "subnet-0b0000000000000b1"),
            ("SubnetIds.SubnetIdentifier.3", "subnet-0c0000000000000c1"));
        Assert.Equal(("shop, three zones", vpc), (modified.Value("DBSubnetGroupDescription"), modified.Value("VpcId")));
        Assert.Equal(["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"], modified.All("Name").Select(e => e.Value));

        await rds.CreateMySqlAsync("orders", extra: [("DBSubnetGroupName", "shop"), ("AvailabilityZone", "ap-northeast-2a")]);
        var inUse = await rds.FailureAsync("ModifyDBSubnetGroup", ("DBSubnetGroupName", "shop"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0b0000000000000b1"), ("SubnetIds.SubnetIdentifier.2", "subnet-0c0000000000000c1"));
        Assert.Equal((400, "SubnetAlreadyInUse"), (inUse.Status, inUse.Code));
        Assert.Equal((400, "DBSubnetGroupDoesNotCoverEnoughAZs"), await rds.ErrorAsync("ModifyDBSubnetGroup", ("DBSubnetGroupName", "shop"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0a0000000000000a1")));
        Assert.Equal((400, "InvalidSubnet"), await rds.ErrorAsync("ModifyDBSubnetGroup", ("DBSubnetGroupName", "shop"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0a0000000000000a1"), ("SubnetIds.SubnetIdentifier.2", SandboxNetwork.SubnetC)));
        Assert.Equal((404, "DBSubnetGroupNotFoundFault"), await rds.ErrorAsync("ModifyDBSubnetGroup", ("DBSubnetGroupName", "nope"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0a0000000000000a1"), ("SubnetIds.SubnetIdentifier.2", "subnet-0b0000000000000b1")));
        await rds.OkAsync("ModifyDBSubnetGroup", ("DBSubnetGroupName", "shop"),
            ("SubnetIds.SubnetIdentifier.1", "subnet-0a0000000000000a1"), ("SubnetIds.SubnetIdentifier.2", "subnet-0c0000000000000c1"));
        var described = await rds.OkAsync("DescribeDBSubnetGroups", ("DBSubnetGroupName", "shop"));
        Assert.Equal(["subnet-0a0000000000000a1", "subnet-0c0000000000000c1"], described.All("SubnetIdentifier").Select(e => e.Value));
    }

    [Fact]
    public async Task Delete_waits_until_no_instance_uses_the_group()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.OkAsync("CreateDBSubnetGroup", ("DBSubnetGroupName", "shop"), ("DBSubnetGroupDescription", "shop"),
            ("SubnetIds.SubnetIdentifier.1", SandboxNetwork.SubnetA), ("SubnetIds.SubnetIdentifier.2", SandboxNetwork.SubnetC));
        await rds.CreateMySqlAsync("orders", extra: ("DBSubnetGroupName", "shop"));
        Assert.Equal((400, "InvalidDBSubnetGroupStateFault"), await rds.ErrorAsync("DeleteDBSubnetGroup", ("DBSubnetGroupName", "shop")));
        Assert.Equal((400, "InvalidDBSubnetGroupStateFault"), await rds.ErrorAsync("DeleteDBSubnetGroup", ("DBSubnetGroupName", "default")));
        await rds.OkAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("SkipFinalSnapshot", "true"));
        await rds.ErrorAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        await rds.OkAsync("DeleteDBSubnetGroup", ("DBSubnetGroupName", "shop"));
        Assert.Equal((404, "DBSubnetGroupNotFoundFault"), await rds.ErrorAsync("DeleteDBSubnetGroup", ("DBSubnetGroupName", "shop")));
    }
}
