using System.Text.Json;
using Microsoft.Extensions.Logging;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Rds;
using Ebops.Tests.Shared;

namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>RDS conformance: request → state → response, every message checked against the official model.</summary>
public sealed class RdsTests
{
    [Fact]
    public async Task Create_then_describe_returns_the_instance_as_aws_shapes_it()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var sg = host.World.Network.CreateServiceSecurityGroup(SandboxNetwork.VpcId, "db", "db", new Dictionary<string, string>());
        await rds.CreateMySqlAsync("Orders-DB", extra: [("VpcSecurityGroupIds.VpcSecurityGroupId.1", sg), ("Tags.Tag.1.Key", "owner"), ("Tags.Tag.1.Value", "shop")]);
        var reply = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders-db"));
        Assert.Equal("orders-db", reply.Value("DBInstanceIdentifier"));
        Assert.Equal("available", reply.Value("DBInstanceStatus"));
        Assert.Matches(@"^orders-db\.[a-z0-9]{12}\.ap-northeast-2\.rds\.amazonaws\.com$", reply.Value("Address"));
        Assert.Equal("3306", reply.Value("Port"));
        Assert.Equal(sg, reply.Value("VpcSecurityGroupId"));
        Assert.Equal("default.mysql8.0", reply.Value("DBParameterGroupName"));
        Assert.Equal("in-sync", reply.Value("ParameterApplyStatus"));
        Assert.Equal($"arn:aws:rds:ap-northeast-2:123456789012:db:orders-db", reply.Value("DBInstanceArn"));
        Assert.Equal("shop", reply.Value("Value"));

        Assert.Equal((400, "DBInstanceAlreadyExists"), await rds.ErrorAsync("CreateDBInstance",
            ("DBInstanceIdentifier", "orders-db"), ("DBInstanceClass", "db.t4g.micro"), ("Engine", "mysql"),
            ("AllocatedStorage", "20"), ("MasterUsername", "admin"), ("MasterUserPassword", "Another-Passw0rd")));
    }

    [Theory]
    [InlineData("1orders")]
    [InlineData("orders--db")]
    [InlineData("orders-")]
    [InlineData("orders_db")]
    public async Task Invalid_identifiers_are_rejected_like_aws(string id)
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("CreateDBInstance",
            ("DBInstanceIdentifier", id), ("DBInstanceClass", "db.t4g.micro"), ("Engine", "mysql"),
            ("AllocatedStorage", "20"), ("MasterUsername", "admin"), ("MasterUserPassword", "Initial-Passw0rd")));
    }

    [Fact]
    public async Task Describe_of_a_missing_instance_is_DBInstanceNotFound_404()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await new RdsClient(host).CallAsync("DescribeDBInstances", ("DBInstanceIdentifier", "nope"));
        Assert.Equal(404, reply.Status);
        Assert.Equal("DBInstanceNotFound", reply.ErrorCode);
        Assert.Equal("Sender", reply.Value("Type"));
    }

    [Fact]
    public async Task Modify_without_apply_immediately_leaves_pending_values()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        await rds.StatusAsync("orders");
        var modified = await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("DBInstanceClass", "db.t4g.small"));
        Assert.Equal("db.t4g.small", modified.All("PendingModifiedValues")[0].Elements().Single(e => e.Name.LocalName == "DBInstanceClass").Value);
        var described = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal("available", described.Value("DBInstanceStatus"));
        Assert.Equal("db.t4g.micro", described.Value("DBInstanceClass"));

        var immediate = await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("AllocatedStorage", "40"), ("ApplyImmediately", "true"));
        Assert.Equal("modifying", immediate.Value("DBInstanceStatus"));
        described = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal(("db.t4g.small", "40"), (described.Value("DBInstanceClass"), described.Value("AllocatedStorage")));
        Assert.Empty(described.All("PendingModifiedValues")[0].Elements());
    }

    [Fact]
    public async Task Password_is_never_logged_dumped_or_returned_and_rotation_applies()
    {
        const string first = "Very-Secret-Passw0rd-1";
        const string second = "Very-Secret-Passw0rd-2";
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(logs)
            .SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        await using var host = await SimHost.StartAsync(o => o.LoggerFactory = loggerFactory, timing: new SimTiming(1));
        var rds = new RdsClient(host);
        var created = await rds.CreateMySqlAsync("orders", first);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var modified = await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("MasterUserPassword", second));
        Assert.Equal("****", modified.Value("MasterUserPassword"));
        var handler = host.World.Service<RdsHandler>()!;
        Assert.True(handler.PasswordMatches("orders", first));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("available", await rds.StatusAsync("orders"));
        Assert.True(handler.PasswordMatches("orders", second));
        Assert.False(handler.PasswordMatches("orders", first));

        var createCall = host.World.Calls.Find("rds", "CreateDBInstance").Single();
        Assert.Equal(SimRedaction.Mask, createCall.Parameters["MasterUserPassword"]);
        Assert.Equal("admin", createCall.Parameters["MasterUsername"]);
        using var http = new HttpClient();
        var state = await http.GetStringAsync(new Uri(host.Simulator.Endpoint, "/_sim/state"), TestContext.Current.CancellationToken);
        var calls = await http.GetStringAsync(new Uri(host.Simulator.Endpoint, "/_sim/calls"), TestContext.Current.CancellationToken);
        var everything = string.Join("\n", created.Body, modified.Body, state, calls, host.World.DumpState().ToJsonString(),
            JsonSerializer.Serialize(host.World.Calls.All), string.Join("\n", logs.Lines));
        Assert.Contains(logs.Lines, l => l.Contains("CreateDBInstance", StringComparison.Ordinal));
        Assert.DoesNotContain(first, everything);
        Assert.DoesNotContain(second, everything);
        Assert.Contains("orders", state);
    }

    [Fact]
    public async Task Parameter_group_association_is_pending_reboot_until_the_instance_reboots()
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(1));
        var rds = new RdsClient(host);
        await rds.OkAsync("CreateDBParameterGroup", ("DBParameterGroupName", "orders-params"), ("DBParameterGroupFamily", "mysql8.0"), ("Description", "orders"));
        await rds.OkAsync("ModifyDBParameterGroup", ("DBParameterGroupName", "orders-params"),
            ("Parameters.Parameter.1.ParameterName", "time_zone"), ("Parameters.Parameter.1.ParameterValue", "Asia/Seoul"),
            ("Parameters.Parameter.1.ApplyMethod", "immediate"));
        await rds.CreateMySqlAsync("orders");
        host.Time.Advance(TimeSpan.FromMinutes(10));

        await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("DBParameterGroupName", "orders-params"), ("ApplyImmediately", "true"));
        var described = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal(("orders-params", "applying", "modifying"),
            (described.Value("DBParameterGroupName"), described.Value("ParameterApplyStatus"), described.Value("DBInstanceStatus")));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("pending-reboot", await rds.ParameterStatusAsync("orders"));
        Assert.Equal("available", await rds.StatusAsync("orders"));

        await rds.OkAsync("RebootDBInstance", ("DBInstanceIdentifier", "orders"));
        Assert.Equal("pending-reboot", await rds.ParameterStatusAsync("orders"));
        Assert.Equal((400, "InvalidDBInstanceState"), await rds.ErrorAsync("RebootDBInstance", ("DBInstanceIdentifier", "orders")));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("in-sync", await rds.ParameterStatusAsync("orders"));

        // A dynamic parameter applied immediately: applying, then in-sync without a reboot.
        await rds.OkAsync("ModifyDBParameterGroup", ("DBParameterGroupName", "orders-params"),
            ("Parameters.Parameter.1.ParameterName", "max_connections"), ("Parameters.Parameter.1.ParameterValue", "200"),
            ("Parameters.Parameter.1.ApplyMethod", "immediate"));
        Assert.Equal("applying", await rds.ParameterStatusAsync("orders"));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("in-sync", await rds.ParameterStatusAsync("orders"));

        // A static one needs a reboot, and cannot be applied immediately.
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBParameterGroup", ("DBParameterGroupName", "orders-params"),
            ("Parameters.Parameter.1.ParameterName", "innodb_log_buffer_size"), ("Parameters.Parameter.1.ParameterValue", "16777216"),
            ("Parameters.Parameter.1.ApplyMethod", "immediate")));
        await rds.OkAsync("ModifyDBParameterGroup", ("DBParameterGroupName", "orders-params"),
            ("Parameters.Parameter.1.ParameterName", "innodb_log_buffer_size"), ("Parameters.Parameter.1.ParameterValue", "16777216"),
            ("Parameters.Parameter.1.ApplyMethod", "pending-reboot"));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("pending-reboot", await rds.ParameterStatusAsync("orders"));

        var user = await rds.OkAsync("DescribeDBParameters", ("DBParameterGroupName", "orders-params"), ("Source", "user"));
        Assert.Equal(["innodb_log_buffer_size", "max_connections", "time_zone"], user.All("ParameterName").Select(e => e.Value));
        Assert.Equal(["static", "dynamic", "dynamic"], user.All("ApplyType").Select(e => e.Value));

        Assert.Equal((400, "InvalidDBParameterGroupState"), await rds.ErrorAsync("DeleteDBParameterGroup", ("DBParameterGroupName", "orders-params")));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"),
            ("DBParameterGroupName", "default.mysql5.7")));
    }

    [Fact]
    public async Task Parameter_group_errors()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.OkAsync("CreateDBParameterGroup", ("DBParameterGroupName", "p1"), ("DBParameterGroupFamily", "mysql8.0"), ("Description", "d"));
        Assert.Equal((400, "DBParameterGroupAlreadyExists"), await rds.ErrorAsync("CreateDBParameterGroup",
            ("DBParameterGroupName", "p1"), ("DBParameterGroupFamily", "mysql8.0"), ("Description", "d")));
        Assert.Equal((404, "DBParameterGroupNotFound"), await rds.ErrorAsync("DescribeDBParameterGroups", ("DBParameterGroupName", "p2")));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("ModifyDBParameterGroup", ("DBParameterGroupName", "p1"),
            ("Parameters.Parameter.1.ParameterName", "no_such_parameter"), ("Parameters.Parameter.1.ParameterValue", "1"),
            ("Parameters.Parameter.1.ApplyMethod", "immediate")));
        var described = await rds.OkAsync("DescribeDBParameterGroups", ("DBParameterGroupName", "p1"));
        Assert.Equal(("mysql8.0", "arn:aws:rds:ap-northeast-2:123456789012:pg:p1"), (described.Value("DBParameterGroupFamily"), described.Value("DBParameterGroupArn")));
        await rds.OkAsync("DeleteDBParameterGroup", ("DBParameterGroupName", "p1"));
        Assert.Equal((404, "DBParameterGroupNotFound"), await rds.ErrorAsync("DeleteDBParameterGroup", ("DBParameterGroupName", "p1")));
    }

    [Fact]
    public async Task Delete_requires_a_snapshot_decision_honours_protection_and_creates_the_final_snapshot()
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(1));
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders", extra: ("DeletionProtection", "true"));
        host.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("SkipFinalSnapshot", "true")));
        await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("DeletionProtection", "false"), ("ApplyImmediately", "true"));
        Assert.Equal("available", await rds.StatusAsync("orders"));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders")));

        var deleting = await rds.OkAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("FinalDBSnapshotIdentifier", "orders-final"));
        Assert.Equal("deleting", deleting.Value("DBInstanceStatus"));
        var snapshot = await rds.OkAsync("DescribeDBSnapshots", ("DBSnapshotIdentifier", "orders-final"));
        Assert.Equal(("creating", "orders", "manual"), (snapshot.Value("Status"), snapshot.Value("DBInstanceIdentifier"), snapshot.Value("SnapshotType")));
        Assert.Equal((400, "InvalidDBInstanceState"), await rds.ErrorAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("SkipFinalSnapshot", "true")));

        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("available", (await rds.OkAsync("DescribeDBSnapshots", ("DBInstanceIdentifier", "orders"))).Value("Status"));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((404, "DBInstanceNotFound"), await rds.ErrorAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders")));
        Assert.Equal((404, "DBSnapshotNotFound"), await rds.ErrorAsync("DescribeDBSnapshots", ("DBSnapshotIdentifier", "nope")));
    }

    [Fact]
    public async Task Subnet_groups_validate_coverage_and_exist()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        Assert.Equal((400, "DBSubnetGroupDoesNotCoverEnoughAZs"), await rds.ErrorAsync("CreateDBSubnetGroup",
            ("DBSubnetGroupName", "one"), ("DBSubnetGroupDescription", "d"), ("SubnetIds.SubnetIdentifier.1", SandboxNetwork.SubnetA)));
        Assert.Equal((400, "InvalidSubnet"), await rds.ErrorAsync("CreateDBSubnetGroup",
            ("DBSubnetGroupName", "bad"), ("DBSubnetGroupDescription", "d"), ("SubnetIds.SubnetIdentifier.1", "subnet-0123456789abcdef0")));
        var created = await rds.OkAsync("CreateDBSubnetGroup", ("DBSubnetGroupName", "Shop-DB"), ("DBSubnetGroupDescription", "shop"),
            ("SubnetIds.SubnetIdentifier.1", SandboxNetwork.SubnetA), ("SubnetIds.SubnetIdentifier.2", SandboxNetwork.SubnetC));
        Assert.Equal(("shop-db", SandboxNetwork.VpcId), (created.Value("DBSubnetGroupName"), created.Value("VpcId")));
        Assert.Equal((400, "DBSubnetGroupAlreadyExists"), await rds.ErrorAsync("CreateDBSubnetGroup", ("DBSubnetGroupName", "shop-db"),
            ("DBSubnetGroupDescription", "shop"), ("SubnetIds.SubnetIdentifier.1", SandboxNetwork.SubnetA), ("SubnetIds.SubnetIdentifier.2", SandboxNetwork.SubnetC)));
        var described = await rds.OkAsync("DescribeDBSubnetGroups", ("DBSubnetGroupName", "shop-db"));
        Assert.Equal([SandboxNetwork.SubnetAZone, SandboxNetwork.SubnetCZone], described.All("Name").Select(e => e.Value));
        Assert.Equal((404, "DBSubnetGroupNotFoundFault"), await rds.ErrorAsync("DescribeDBSubnetGroups", ("DBSubnetGroupName", "nope")));
        Assert.Equal((404, "DBSubnetGroupNotFoundFault"), await rds.ErrorAsync("CreateDBInstance",
            ("DBInstanceIdentifier", "x"), ("DBInstanceClass", "db.t4g.micro"), ("Engine", "mysql"), ("AllocatedStorage", "20"),
            ("MasterUsername", "admin"), ("MasterUserPassword", "Initial-Passw0rd"), ("DBSubnetGroupName", "nope")));
    }

    [Fact]
    public async Task Tags_by_arn()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        const string arn = "arn:aws:rds:ap-northeast-2:123456789012:db:orders";
        await rds.OkAsync("AddTagsToResource", ("ResourceName", arn), ("Tags.Tag.1.Key", "a"), ("Tags.Tag.1.Value", "1"), ("Tags.Tag.2.Key", "b"), ("Tags.Tag.2.Value", "2"));
        await rds.OkAsync("RemoveTagsFromResource", ("ResourceName", arn), ("TagKeys.member.1", "a"));
        var listed = await rds.OkAsync("ListTagsForResource", ("ResourceName", arn));
        Assert.Equal(["b"], listed.All("Key").Select(e => e.Value));
        Assert.Equal((404, "DBInstanceNotFound"), await rds.ErrorAsync("ListTagsForResource", ("ResourceName", "arn:aws:rds:ap-northeast-2:123456789012:db:nope")));
    }

    [Fact]
    public async Task Describe_paginates_with_marker_when_the_page_size_is_small()
    {
        await using var host = await SimHost.StartAsync(o => o.PageSizes["rds"] = 2);
        var rds = new RdsClient(host);
        foreach (var id in new[] { "a1", "b1", "c1", "d1", "e1" })
        {
            await rds.CreateMySqlAsync(id);
        }

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var reply = marker is null
                ? await rds.OkAsync("DescribeDBInstances", ("MaxRecords", "20"))
                : await rds.OkAsync("DescribeDBInstances", ("MaxRecords", "20"), ("Marker", marker));
            seen.AddRange(reply.All("DBInstanceIdentifier").Select(e => e.Value));
            marker = reply.Value("Marker");
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["a1", "b1", "c1", "d1", "e1"], seen);
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBInstances", ("MaxRecords", "5")));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBInstances", ("Marker", "garbage")));
    }

    [Fact]
    public async Task Security_group_used_by_an_instance_cannot_be_deleted_through_ec2()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var sg = (await host.QueryAsync("ec2", "CreateSecurityGroup", new Dictionary<string, string>
        {
            ["GroupName"] = "db", ["GroupDescription"] = "db", ["VpcId"] = SandboxNetwork.VpcId,
        })).Value("groupId")!;
        await rds.CreateMySqlAsync("orders", extra: ("VpcSecurityGroupIds.VpcSecurityGroupId.1", sg));
        var delete = await host.QueryAsync("ec2", "DeleteSecurityGroup", new Dictionary<string, string> { ["GroupId"] = sg });
        Assert.Equal("DependencyViolation", delete.ErrorCode);
        await rds.OkAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("SkipFinalSnapshot", "true"));
        await rds.ErrorAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal(200, (await host.QueryAsync("ec2", "DeleteSecurityGroup", new Dictionary<string, string> { ["GroupId"] = sg })).Status);
    }
}
