using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>
/// The CreateDBInstance / ModifyDBInstance / DescribeDBInstances / DeleteDBInstance options a reconciler relies on
/// (API reference: CreateDBInstance PreferredMaintenanceWindow "Format: ddd:hh24:mi-ddd:hh24:mi ... Must be at least 30
/// minutes", PreferredBackupWindow "Must not conflict with the preferred maintenance window"; ModifyDBInstance
/// ApplyImmediately; DescribeDBInstances Filters "db-cluster-id, db-instance-id, dbi-resource-id, domain, engine";
/// DeleteDBInstance FinalDBSnapshotIdentifier / SkipFinalSnapshot).
/// </summary>
public sealed class InstanceOptionTests
{
    [Fact]
    public async Task Create_keeps_every_option_a_reconciler_sends()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var sg = host.World.Network.CreateServiceSecurityGroup(SandboxNetwork.VpcId, "db", "db", new Dictionary<string, string>());
        await rds.CreateGroupAsync("orders-params");
        await rds.OkAsync("CreateDBSubnetGroup", ("DBSubnetGroupName", "orders-subnets"), ("DBSubnetGroupDescription", "orders"),
            ("SubnetIds.SubnetIdentifier.1", SandboxNetwork.SubnetA), ("SubnetIds.SubnetIdentifier.2", SandboxNetwork.SubnetC));
        await rds.CreateMySqlAsync("orders", extra:
        [
            ("DBParameterGroupName", "orders-params"), ("VpcSecurityGroupIds.VpcSecurityGroupId.1", sg), ("DBSubnetGroupName", "orders-subnets"),
            ("DeletionProtection", "true"), ("PubliclyAccessible", "true"), ("Tags.Tag.1.Key", "ebops.io/name"), ("Tags.Tag.1.Value", "orders"),
            ("PreferredMaintenanceWindow", "tue:03:00-tue:03:30"), ("PreferredBackupWindow", "20:00-20:30"),
        ]);
        var described = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal(("orders-params", sg, "orders-subnets", "true", "true"), (described.Value("DBParameterGroupName"),
            described.Value("VpcSecurityGroupId"), described.Value("DBSubnetGroupName"), described.Value("DeletionProtection"), described.Value("PubliclyAccessible")));
        Assert.Equal(("tue:03:00-tue:03:30", "20:00-20:30", "orders"), (described.Value("PreferredMaintenanceWindow"),
            described.Value("PreferredBackupWindow"), described.Value("Value")));

        var plain = await rds.CreateMySqlAsync("plain");
        Assert.Matches("^(mon|tue|wed|thu|fri|sat|sun):[0-2][0-9]:[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):[0-2][0-9]:[0-5][0-9]$",
            plain.Value("PreferredMaintenanceWindow"));
    }

    [Theory]
    [InlineData("PreferredMaintenanceWindow", "sometime")]
    [InlineData("PreferredMaintenanceWindow", "tue:03:00-tue:03:20")]
    [InlineData("PreferredMaintenanceWindow", "xyz:03:00-xyz:03:30")]
    [InlineData("PreferredMaintenanceWindow", "sun:17:15-sun:17:45")]
    [InlineData("PreferredBackupWindow", "25:00-25:30")]
    [InlineData("PreferredBackupWindow", "18:10-18:40")]
    public async Task Windows_must_be_well_formed_long_enough_and_apart(string parameter, string window)
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        (string, string)[] create =
        [
            ("DBInstanceIdentifier", "orders"), ("DBInstanceClass", "db.t4g.micro"), ("Engine", "mysql"), ("AllocatedStorage", "20"),
            ("MasterUsername", "admin"), ("MasterUserPassword", "Initial-Passw0rd"),
        ];
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("CreateDBInstance", [.. create, (parameter, window)]));
        await rds.OkAsync("CreateDBInstance", create);
        await rds.StatusAsync("orders");
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), (parameter, window)));
        var moved = await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("PreferredMaintenanceWindow", "wed:21:00-wed:22:00"));
        Assert.Equal(("wed:21:00-wed:22:00", "available"), (moved.Value("PreferredMaintenanceWindow"), moved.Value("DBInstanceStatus")));
    }

    [Fact]
    public async Task Modify_without_apply_immediately_reports_pending_values_and_applies_the_rest_now()
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(1));
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await rds.CreateGroupAsync("orders-params");
        var sg = host.World.Network.CreateServiceSecurityGroup(SandboxNetwork.VpcId, "db2", "db2", new Dictionary<string, string>());
        var modified = await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"),
            ("DBInstanceClass", "db.m6g.large"), ("AllocatedStorage", "50"), ("EngineVersion", "8.0.41"), ("MasterUserPassword", "Next-Passw0rd-2"),
            ("DBParameterGroupName", "orders-params"), ("VpcSecurityGroupIds.VpcSecurityGroupId.1", sg), ("DeletionProtection", "true"));
        var pending = modified.All("PendingModifiedValues")[0].Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        Assert.Equal(new Dictionary<string, string>
        {
            ["AllocatedStorage"] = "50", ["DBInstanceClass"] = "db.m6g.large", ["EngineVersion"] = "8.0.41", ["MasterUserPassword"] = "****",
        }, pending);
        Assert.Equal(("orders-params", sg, "true", "modifying"), (modified.Value("DBParameterGroupName"), modified.Value("VpcSecurityGroupId"),
            modified.Value("DeletionProtection"), modified.Value("DBInstanceStatus")));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var later = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal(["AllocatedStorage", "DBInstanceClass", "EngineVersion"], later.All("PendingModifiedValues")[0].Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("db.t4g.micro", "pending-reboot"), (later.Value("DBInstanceClass"), later.Value("ParameterApplyStatus")));

        await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("ApplyImmediately", "true"));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var applied = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Empty(applied.All("PendingModifiedValues")[0].Elements());
        Assert.Equal(("db.m6g.large", "50", "available"), (applied.Value("DBInstanceClass"), applied.Value("AllocatedStorage"), applied.Value("DBInstanceStatus")));
        Assert.Equal("8.0.41", applied.All("DBInstance")[0].Elements().Single(e => e.Name.LocalName == "EngineVersion").Value);
        Assert.True(host.World.Service<Ebops.Sandbox.Aws.Rds.RdsHandler>()!.PasswordMatches("orders", "Next-Passw0rd-2"));
    }

    [Fact]
    public async Task Describe_filters_batch_instances_by_identifier_or_arn()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        foreach (var id in new[] { "a1", "b1", "c1" })
        {
            await rds.CreateMySqlAsync(id);
        }

        var batch = await rds.OkAsync("DescribeDBInstances", ("Filters.Filter.1.Name", "db-instance-id"),
            ("Filters.Filter.1.Values.Value.1", "a1"), ("Filters.Filter.1.Values.Value.2", "arn:aws:rds:ap-northeast-2:123456789012:db:c1"),
            ("Filters.Filter.1.Values.Value.3", "gone"));
        Assert.Equal(["a1", "c1"], batch.All("DBInstanceIdentifier").Select(e => e.Value));
        var engine = await rds.OkAsync("DescribeDBInstances", ("Filters.Filter.1.Name", "engine"), ("Filters.Filter.1.Values.Value.1", "mysql"),
            ("Filters.Filter.2.Name", "db-instance-id"), ("Filters.Filter.2.Values.Value.1", "b1"));
        Assert.Equal(["b1"], engine.All("DBInstanceIdentifier").Select(e => e.Value));
        Assert.Empty((await rds.OkAsync("DescribeDBInstances", ("Filters.Filter.1.Name", "db-cluster-id"), ("Filters.Filter.1.Values.Value.1", "x"))).All("DBInstance"));
        var tagFilter = await rds.FailureAsync("DescribeDBInstances", ("Filters.Filter.1.Name", "tag:ebops.io/name"), ("Filters.Filter.1.Values.Value.1", "orders"));
        Assert.Equal((400, "InvalidParameterValue", "Unrecognized filter name: tag:ebops.io/name"), tagFilter);
    }

    [Fact]
    public async Task A_final_snapshot_id_already_taken_keeps_the_instance()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("a1");
        await rds.CreateMySqlAsync("b1");
        await rds.StatusAsync("a1");
        await rds.OkAsync("DeleteDBInstance", ("DBInstanceIdentifier", "a1"), ("FinalDBSnapshotIdentifier", "final"));
        Assert.Equal((400, "DBSnapshotAlreadyExists"), await rds.ErrorAsync("DeleteDBInstance", ("DBInstanceIdentifier", "b1"), ("FinalDBSnapshotIdentifier", "final")));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("DeleteDBInstance", ("DBInstanceIdentifier", "b1"),
            ("FinalDBSnapshotIdentifier", "final-b1"), ("SkipFinalSnapshot", "true")));
        Assert.Equal("available", await rds.StatusAsync("b1"));
        await rds.OkAsync("DeleteDBInstance", ("DBInstanceIdentifier", "b1"), ("FinalDBSnapshotIdentifier", "final-b1"));
        Assert.Equal(["final", "final-b1"], (await rds.OkAsync("DescribeDBSnapshots")).All("DBSnapshotIdentifier").Select(e => e.Value));
    }
}
