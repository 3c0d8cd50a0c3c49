using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Rds;

public sealed class DbInstanceManagerTests : IAsyncLifetime
{
    private const string Password = "Initial-Passw0rd-For-Tests";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private DbInstanceManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        manager = aws.Create<DbInstanceManager>();
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static DbInstanceDesired Desired(string identifier = "orders") => new(
        SimulatedAws.Owner(identifier), identifier, "mysql", "8.0", "db.t3.micro", 20, "shop", "admin", false,
        null, null, null, false, new SecretText(Password));

    private async Task<DbInstanceObserved> AvailableAsync(DbInstanceDesired desired)
    {
        await manager.CreateAsync(desired, Ct);
        aws.Time.Advance(TimeSpan.FromMinutes(15));
        var available = await manager.ReadAsync(desired.Identifier, ReadMode.Live, Ct);
        Assert.Equal(RdsStatuses.Available, available!.Status);
        return available;
    }

    private async Task<DbInstanceObserved> SettleAsync(string identifier)
    {
        aws.Time.Advance(TimeSpan.FromMinutes(15));
        return (await manager.ReadAsync(identifier, ReadMode.Live, Ct))!;
    }

    [Fact]
    public async Task Create_tags_the_instance_and_a_steady_read_finds_it_in_sync()
    {
        var desired = Desired();

        var created = await manager.CreateAsync(desired, Ct);
        var available = await SettleAsync("orders");

        Assert.Equal(RdsStatuses.Creating, created.Status);
        Assert.True(desired.Owner.Owns(available.Tags, DbInstanceDesired.Component));
        Assert.StartsWith("8.0", available.EngineVersion, StringComparison.Ordinal);
        Assert.Equal(3306, available.EndpointPort);
        Assert.NotNull(available.EndpointAddress);
        Assert.True(manager.Diff(desired, available).IsEmpty);
        Assert.DoesNotContain(aws.World.Calls.All.SelectMany(c => c.Parameters.Values), v => v.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, desired.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_changes_each_mutable_field_in_one_modify_call()
    {
        var sg = aws.Create<SecurityGroupManager>();
        var group = await sg.CreateAsync(new SecurityGroupDesired(SimulatedAws.Owner("orders"), "db-security-group", "orders-db", "db", SandboxNetwork.VpcId, []), Ct);
        await aws.Rds.CreateDBParameterGroupAsync(new CreateDBParameterGroupRequest { DBParameterGroupName = "orders-params", DBParameterGroupFamily = "mysql8.0", Description = "x" }, Ct);
        var desired = Desired();
        var available = await AvailableAsync(desired);
        var changed = desired with
        {
            InstanceClass = "db.t3.small", AllocatedStorage = 40, PubliclyAccessible = true, ParameterGroupName = "orders-params",
            SecurityGroupIds = [group.GroupId], DeletionProtection = true,
        };
        aws.World.Calls.Clear();

        var delta = manager.Diff(changed, available);
        var modifying = await manager.UpdateAsync(changed, available, delta, Ct);
        var settled = await SettleAsync("orders");

        Assert.Equal(["InstanceClass", "AllocatedStorage", "PubliclyAccessible", "ParameterGroupName", "SecurityGroupIds", "DeletionProtection"], delta.Fields);
        Assert.Equal(["ModifyDBInstance"], aws.Mutations("rds"));
        Assert.Equal("true", aws.World.Calls.Find("rds", "ModifyDBInstance")[0].Parameters["ApplyImmediately"]);
        Assert.True(manager.Diff(changed, modifying).IsEmpty, "pending values count as applied: " + manager.Diff(changed, modifying));
        Assert.True(manager.Diff(changed, settled).IsEmpty, manager.Diff(changed, settled).ToString());
        Assert.Equal(RdsStatuses.ParameterPendingReboot, settled.ParameterApplyStatus);
    }

    [Fact]
    public async Task The_engine_version_moves_up_only_and_storage_only_grows()
    {
        var desired = Desired() with { EngineVersion = "8.0.40" };
        var available = await AvailableAsync(desired);

        Assert.True(manager.Diff(desired with { EngineVersion = "8.0.35", AllocatedStorage = 10 }, available).IsEmpty);
        var upgrade = desired with { EngineVersion = "8.0.41" };
        var delta = manager.Diff(upgrade, available);
        await manager.UpdateAsync(upgrade, available, delta, Ct);

        Assert.Equal(["EngineVersion"], delta.Fields);
        var modify = aws.World.Calls.Find("rds", "ModifyDBInstance")[0].Parameters;
        Assert.Equal("8.0.41", modify["EngineVersion"]);
        Assert.False(modify.ContainsKey("AllowMajorVersionUpgrade"));
    }

    [Fact]
    public async Task A_lost_create_response_never_makes_a_second_instance()
    {
        var desired = Desired();
        aws.World.Faults.SetConsistencyWindow("rds", TimeSpan.FromSeconds(30));
        aws.World.Faults.Add(FaultRule.Throttle("rds", "DescribeDBInstances", count: 1));

        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        await manager.CreateAsync(desired, Ct);
        var hidden = await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        aws.Time.Advance(TimeSpan.FromSeconds(31));
        var found = await manager.CreateAsync(desired, Ct);

        Assert.True(hidden.IsAlreadyExists);
        Assert.Equal("orders", found.Identifier);
        Assert.Equal(1, aws.Succeeded("rds", "CreateDBInstance"));
    }

    [Fact]
    public async Task An_instance_with_our_identifier_and_no_ebops_tags_is_a_conflict_until_adopted()
    {
        await aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "orders", DBInstanceClass = "db.t3.micro", Engine = "mysql", AllocatedStorage = 20,
            MasterUsername = "admin", MasterUserPassword = "Hand-Made-Passw0rd",
        }, Ct);
        var desired = Desired();

        await Assert.ThrowsAsync<UnmanagedResourceException>(() => manager.CreateAsync(desired, Ct));
        var found = await manager.ReadAsync("orders", ReadMode.Live, Ct);
        var adopted = await manager.AdoptAsync(desired, found!, Ct);

        Assert.True(adopted.Adopted);
        Assert.Equal("orders", (await manager.CreateAsync(desired, Ct)).Identifier);
        Assert.True((await manager.ReadAsync("orders", ReadMode.Live, Ct))!.Adopted);
    }

    [Fact]
    public async Task Password_change_and_reboot_leave_no_secret_in_the_call_log()
    {
        await AvailableAsync(Desired());

        var modifying = await manager.ChangeMasterPasswordAsync("orders", new SecretText("Rotated-Passw0rd-1234"), Ct);
        Assert.Equal("(pending)", modifying!.PendingModifications["MasterUserPassword"]);
        await SettleAsync("orders");
        var rebooting = await manager.RebootAsync("orders", Ct);

        Assert.Equal(RdsStatuses.Rebooting, rebooting!.Status);
        Assert.DoesNotContain(aws.World.Calls.All.SelectMany(c => c.Parameters.Values), v => v.Contains("Rotated-Passw0rd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_with_a_final_snapshot_is_idempotent_and_leaves_the_snapshot()
    {
        var available = await AvailableAsync(Desired());

        await manager.DeleteAsync(available, "orders-final-20260302-091500", Ct);
        await manager.DeleteAsync(available, "orders-final-20260302-091500", Ct);
        var deleting = await manager.ReadAsync("orders", ReadMode.Live, Ct);
        var gone = await SettleAsync("orders");

        Assert.Equal(RdsStatuses.Deleting, deleting!.Status);
        Assert.Null(await manager.ReadAsync("orders", ReadMode.Live, Ct));
        Assert.Equal("available", (await manager.ReadSnapshotAsync("orders-final-20260302-091500", Ct))!.Status);
        Assert.Null(gone);
        Assert.Equal(1, aws.Succeeded("rds", "DeleteDBInstance"));
    }

    [Fact]
    public async Task Delete_without_a_snapshot_skips_it_and_a_gone_instance_is_done()
    {
        var available = await AvailableAsync(Desired());

        await manager.DeleteAsync(available, null, Ct);
        await SettleAsync("orders");
        await manager.DeleteAsync(available, null, Ct);

        Assert.Equal("true", aws.World.Calls.Find("rds", "DeleteDBInstance")[0].Parameters["SkipFinalSnapshot"]);
        Assert.Null(await manager.ReadAsync("orders", ReadMode.Live, Ct));
    }

    [Fact]
    public async Task Steady_reads_of_many_instances_cost_one_describe_and_skip_foreign_ones()
    {
        for (var i = 0; i < 3; i++)
        {
            await manager.CreateAsync(Desired("db" + i), Ct);
        }

        await aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "foreign", DBInstanceClass = "db.t3.micro", Engine = "mysql", AllocatedStorage = 20,
            MasterUsername = "admin", MasterUserPassword = "Hand-Made-Passw0rd",
        }, Ct);
        aws.World.Calls.Clear();

        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(await manager.ReadAsync("db" + i, ReadMode.Cached, Ct));
        }

        Assert.Equal(["DescribeDBInstances"], aws.World.Calls.Actions("rds"));
        Assert.Null(manager.Snapshot.Loads == 1 ? null : "more than one load");
    }
}
