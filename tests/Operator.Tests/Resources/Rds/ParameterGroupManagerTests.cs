using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Rds;

public sealed class ParameterGroupManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private ParameterGroupManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        manager = aws.Create<ParameterGroupManager>(new RdsCatalog(aws.Rds));
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static ParameterGroupDesired Desired(string name, params (string Name, string Value)[] parameters) => new(
        SimulatedAws.Owner(name), name + "-mysql8-0", "mysql8.0", "ebops " + name, parameters.ToDictionary(p => p.Name, p => p.Value));

    private IReadOnlyList<IReadOnlyDictionary<string, string>> Modifications() =>
        [.. aws.World.Calls.Find("rds", "ModifyDBParameterGroup").Select(c => c.Parameters)];

    [Fact]
    public async Task Create_sets_the_overrides_with_the_apply_method_their_apply_type_needs()
    {
        var desired = Desired("orders", ("time_zone", "Asia/Seoul"), ("innodb_log_buffer_size", "16777216"));

        await manager.CreateAsync(desired, Ct);
        var read = await manager.ReadAsync(desired, Ct);
        var tagged = await manager.WithTagsAsync(read!, Ct);

        Assert.Equal("mysql8.0", read!.Family);
        Assert.Equal("Asia/Seoul", read.UserParameters!["time_zone"]);
        Assert.True(manager.Diff(desired, read).IsEmpty);
        Assert.True(desired.Owner.Owns(tagged.Tags!, ParameterGroupDesired.Component));
        var call = Assert.Single(Modifications());
        var methods = Enumerable.Range(1, 2).ToDictionary(i => call[$"Parameters.Parameter.{i}.ParameterName"], i => call[$"Parameters.Parameter.{i}.ApplyMethod"]);
        Assert.Equal("pending-reboot", methods["innodb_log_buffer_size"]);
        Assert.Equal("immediate", methods["time_zone"]);
    }

    [Fact]
    public async Task A_changed_or_drifted_value_is_in_the_delta_and_the_update_sets_only_it()
    {
        var desired = Desired("orders", ("time_zone", "Asia/Seoul"), ("max_connections", "200"));
        await manager.CreateAsync(desired, Ct);
        await aws.Rds.ModifyDBParameterGroupAsync(new ModifyDBParameterGroupRequest
        {
            DBParameterGroupName = desired.Name,
            Parameters = [new Parameter { ParameterName = "time_zone", ParameterValue = "UTC", ApplyMethod = "immediate" }],
        }, Ct);
        aws.World.Calls.Clear();

        var drifted = await manager.ReadAsync(desired, Ct);
        var delta = manager.Diff(desired, drifted!);
        await manager.UpdateAsync(desired, drifted!, delta, Ct);

        Assert.Equal(["Parameters.time_zone"], delta.Fields);
        var call = Assert.Single(Modifications());
        Assert.Equal("time_zone", call["Parameters.Parameter.1.ParameterName"]);
        Assert.False(call.ContainsKey("Parameters.Parameter.2.ParameterName"));
        Assert.True(manager.Diff(desired, (await manager.ReadAsync(desired, Ct))!).IsEmpty);
    }

    [Fact]
    public async Task Values_are_compared_only_when_they_were_read()
    {
        var desired = Desired("orders", ("time_zone", "Asia/Seoul"));
        await manager.CreateAsync(desired, Ct);
        aws.World.Calls.Clear();

        var withoutValues = await manager.ReadAsync(desired.Name, ReadMode.Live, Ct);

        Assert.True(manager.Diff(desired with { Parameters = new Dictionary<string, string> { ["time_zone"] = "UTC" } }, withoutValues!).IsEmpty);
        Assert.DoesNotContain("DescribeDBParameters", aws.World.Calls.Actions("rds"));
    }

    [Fact]
    public async Task More_than_twenty_overrides_go_out_in_batches_of_twenty()
    {
        var names = new[]
        {
            "autocommit", "binlog_format", "character_set_client", "character_set_database", "character_set_server", "collation_server",
            "event_scheduler", "general_log", "innodb_file_per_table", "innodb_lock_wait_timeout", "innodb_print_all_deadlocks",
            "local_infile", "log_bin_trust_function_creators", "long_query_time", "max_allowed_packet", "max_connections",
            "require_secure_transport", "slow_query_log", "time_zone", "wait_timeout", "transaction_isolation",
        };
        var values = new Dictionary<string, string>
        {
            ["autocommit"] = "1", ["binlog_format"] = "ROW", ["character_set_client"] = "utf8mb4", ["character_set_database"] = "utf8mb4",
            ["character_set_server"] = "utf8mb4", ["collation_server"] = "utf8mb4_unicode_ci", ["event_scheduler"] = "OFF", ["general_log"] = "0",
            ["innodb_file_per_table"] = "1", ["innodb_lock_wait_timeout"] = "50", ["innodb_print_all_deadlocks"] = "1", ["local_infile"] = "0",
            ["log_bin_trust_function_creators"] = "1", ["long_query_time"] = "2", ["max_allowed_packet"] = "67108864", ["max_connections"] = "300",
            ["require_secure_transport"] = "1", ["slow_query_log"] = "1", ["time_zone"] = "Asia/Seoul", ["wait_timeout"] = "600",
            ["transaction_isolation"] = "READ-COMMITTED",
        };
        Assert.Equal(names.Order(), values.Keys.Order());
        var desired = Desired("orders") with { Parameters = values };

        await manager.CreateAsync(desired, Ct);

        Assert.Equal(2, Modifications().Count);
        Assert.True(manager.Diff(desired, (await manager.ReadAsync(desired, Ct))!).IsEmpty);
    }

    [Fact]
    public async Task A_lost_create_is_completed_not_duplicated_and_faults_are_survived()
    {
        var desired = Desired("orders", ("time_zone", "Asia/Seoul"));
        aws.World.Faults.Add(FaultRule.Throttle("rds", "ModifyDBParameterGroup", count: 1));

        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        await manager.CreateAsync(desired, Ct);

        Assert.Equal(1, aws.Succeeded("rds", "CreateDBParameterGroup"));
        Assert.True(manager.Diff(desired, (await manager.ReadAsync(desired, Ct))!).IsEmpty);
    }

    [Fact]
    public async Task A_hand_made_group_with_our_name_is_a_conflict_until_adopted()
    {
        await aws.Rds.CreateDBParameterGroupAsync(new CreateDBParameterGroupRequest
        {
            DBParameterGroupName = "orders-mysql8-0", DBParameterGroupFamily = "mysql8.0", Description = "by hand",
        }, Ct);
        var desired = Desired("orders", ("time_zone", "Asia/Seoul"));

        await Assert.ThrowsAsync<UnmanagedResourceException>(() => manager.CreateAsync(desired, Ct));
        var found = await manager.ReadAsync(desired.Name, ReadMode.Live, Ct);
        await manager.AdoptAsync(desired, found!, Ct);
        var adopted = await manager.CreateAsync(desired, Ct);

        Assert.Equal("true", adopted.Tags![OwnershipTags.Adopted]);
        Assert.Equal(1, aws.Succeeded("rds", "CreateDBParameterGroup"));
    }

    [Fact]
    public async Task Delete_is_idempotent_and_a_group_in_use_is_a_conflict()
    {
        var desired = Desired("orders", ("time_zone", "Asia/Seoul"));
        var created = await manager.CreateAsync(desired, Ct);
        await aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "user", DBInstanceClass = "db.t3.micro", Engine = "mysql", EngineVersion = "8.0.40", AllocatedStorage = 20,
            MasterUsername = "admin", MasterUserPassword = "Sandbox-Passw0rd", DBParameterGroupName = desired.Name,
        }, Ct);

        var inUse = await Assert.ThrowsAsync<AwsApiException>(() => manager.DeleteAsync(created, Ct));
        await aws.Rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = "user", SkipFinalSnapshot = true }, Ct);
        aws.Time.Advance(TimeSpan.FromMinutes(30));
        await manager.DeleteAsync(created, Ct);
        await manager.DeleteAsync(created, Ct);

        Assert.Equal(AwsErrorKind.Conflict, inUse.Kind);
        Assert.Null(await manager.ReadAsync(desired.Name, ReadMode.Live, Ct));
    }
}
