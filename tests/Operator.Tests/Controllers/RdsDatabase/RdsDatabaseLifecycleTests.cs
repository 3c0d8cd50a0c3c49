using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

public sealed class RdsDatabaseLifecycleTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private RdsHarness h = null!;

    public async ValueTask InitializeAsync() => h = await RdsHarness.StartAsync();

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private async Task<RdsDb> ReadyAsync(RdsDb? db = null)
    {
        db ??= RdsHarness.Sample();
        var pass = await h.ConvergeAsync(db);
        Assert.Null(pass.Stalled);
        return db;
    }

    [Fact]
    public async Task The_sample_converges_to_an_available_instance_created_with_its_groups_secrets_and_time_zone_in_sync()
    {
        var db = await ReadyAsync();

        var status = db.Status!;
        Assert.Equal(RdsStatuses.Available, status.InstanceStatus);
        Assert.Equal(RdsStatuses.ParameterInSync, status.ParameterGroup!.ApplyStatus);
        Assert.Equal("orders-mysql8-0", status.ParameterGroup.Name);
        Assert.Equal(3306, status.Endpoint!.Port);
        Assert.StartsWith("arn:aws:rds:", status.Aws!.Arn, StringComparison.Ordinal);
        Assert.Equal(h.Aws.World.Region, status.Aws.Region);
        Assert.Equal(h.Aws.World.AccountId, status.Aws.OwnerAccountId);
        Assert.StartsWith("sg-", status.SecurityGroupId, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.True, h.Condition(db, ConditionTypes.Synced)!.Status);
        // The group exists before the instance and is attached at creation: nothing waits for a reboot.
        Assert.Equal(0, h.Aws.Succeeded("rds", "RebootDBInstance"));
        Assert.Equal(1, h.Aws.Succeeded("rds", "CreateDBInstance"));
        var values = await h.Aws.Rds.DescribeDBParametersAsync(new DescribeDBParametersRequest { DBParameterGroupName = "orders-mysql8-0", Source = "user" }, Ct);
        Assert.Equal("Asia/Seoul", Assert.Single(values.Parameters!, p => p.ParameterName == "time_zone").ParameterValue);

        var password = h.Secrets.Value(RdsHarness.Namespace, "orders-master", "password");
        Assert.Equal(RdsPasswords.Length, password!.Length);
        Assert.Equal(db.Metadata.Uid, Assert.Single(h.Secrets.Raw(RdsHarness.Namespace, "orders-master")!.Metadata.OwnerReferences).Uid);
        Assert.Equal(status.Endpoint.Address, h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "host"));
        Assert.Equal("3306", h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "port"));
        Assert.Equal("shop", h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "dbname"));
        Assert.Equal("admin", h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "username"));
        Assert.Equal(password, h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "password"));
        Assert.Equal(RdsDecisions.PasswordHash(db.Metadata.Uid!, RdsDecisions.Sha256(password)), status.PasswordSecretHash);
    }

    [Fact]
    public async Task A_steady_poll_writes_nothing_and_reads_only_shared_snapshots()
    {
        var db = await ReadyAsync();
        h.Aws.World.Calls.Clear();
        h.Secrets.Requests.Clear();
        var before = System.Text.Json.JsonSerializer.Serialize(db.Status);

        h.Aws.Time.Advance(h.Settings.PollInterval);
        var pass = await h.ReconcileAsync(db);

        Assert.Equal(h.Settings.PollInterval, pass.Result!.Delay);
        Assert.Empty(h.Aws.Mutations());
        Assert.Empty(h.Secrets.Requests);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(db.Status));
        // One describe per kind of AWS object: the same snapshots serve every other RdsDatabase polled in the next 5 minutes.
        Assert.Equal(["DescribeDBInstances", "DescribeDBParameterGroups", "DescribeDBSubnetGroups", "DescribeSecurityGroups"],
            h.Aws.World.Calls.All.Select(c => c.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Three_databases_polled_in_one_window_share_the_same_four_describes()
    {
        var dbs = new[] { RdsHarness.Sample("a"), RdsHarness.Sample("b"), RdsHarness.Sample("c") };
        foreach (var db in dbs)
        {
            await ReadyAsync(db);
        }

        h.Aws.Time.Advance(h.Settings.PollInterval);
        h.Aws.World.Calls.Clear();
        foreach (var db in dbs)
        {
            await h.ReconcileAsync(db);
        }

        Assert.Equal(4, h.Aws.World.Calls.All.Count);
    }

    public static TheoryData<string, string, string> Updates => new()
    {
        { "instanceClass", "ModifyDBInstance", "DBInstanceClass=db.t3.small" },
        { "allocatedStorage", "ModifyDBInstance", "AllocatedStorage=40" },
        { "publiclyAccessible", "ModifyDBInstance", "PubliclyAccessible=true" },
        { "deletionProtection", "ModifyDBInstance", "DeletionProtection=true" },
        { "engineVersion", "ModifyDBInstance", "EngineVersion=8.0.41" },
        { "overrides", "ModifyDBParameterGroup", "Parameters.Parameter.1.ParameterValue=Europe/Paris" },
        { "ingress", "AuthorizeSecurityGroupIngress", "IpPermissions.1.IpRanges.1.CidrIp=198.51.100.0/24" },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public async Task Each_mutable_field_is_applied_with_one_targeted_call_and_converges(string field, string action, string parameter)
    {
        var db = await ReadyAsync();
        h.Aws.World.Calls.Clear();

        RdsHarness.Edit(db, spec => Change(spec, field));
        await ReadyAsync(db);

        var (key, value) = (parameter.Split('=')[0], parameter.Split('=', 2)[1]);
        var call = Assert.Single(h.Aws.World.Calls.Find(null, action), c => c.Succeeded);
        Assert.Equal(value, call.Parameters[key], ignoreCase: true);
        Assert.Equal(action, Assert.Single(h.Aws.Mutations()));
        Assert.Equal(ConditionStatus.True, h.Condition(db, ConditionTypes.Synced)!.Status);
        Assert.DoesNotContain(h.Events.Reasons, r => r == SyncConditions.DriftDetected);
    }

    private static void Change(RdsDatabaseSpec spec, string field)
    {
        switch (field)
        {
            case "instanceClass": spec.InstanceClass = "db.t3.small"; break;
            case "allocatedStorage": spec.AllocatedStorage = 40; break;
            case "publiclyAccessible": spec.PubliclyAccessible = true; break;
            case "deletionProtection": spec.Deletion.DeletionProtection = true; break;
            case "engineVersion": spec.EngineVersion = "8.0.41"; break;
            case "overrides": spec.Parameters!.Overrides!["time_zone"] = "Europe/Paris"; break;
            case "ingress": spec.Network!.SecurityGroup!.Ingress!.Add(new RdsIngressRule { Port = 3306, FromCidr = "198.51.100.0/24" }); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    [Fact]
    public async Task A_static_parameter_waits_for_one_reboot_under_Immediate()
    {
        var db = await ReadyAsync();

        RdsHarness.Edit(db, spec => spec.Parameters!.Overrides!["innodb_log_buffer_size"] = "16777216");
        await ReadyAsync(db);

        Assert.Equal(1, h.Aws.Succeeded("rds", "RebootDBInstance"));
        Assert.Equal(RdsStatuses.ParameterInSync, db.Status!.ParameterGroup!.ApplyStatus);
        Assert.Contains("Rebooting", h.Events.Reasons);
    }

    [Fact]
    public async Task Manual_only_reports_pending_reboot_and_never_reboots()
    {
        var db = RdsHarness.Sample();
        db.Spec.Parameters!.RebootPolicy = RebootPolicy.Manual;
        await ReadyAsync(db);

        RdsHarness.Edit(db, spec => spec.Parameters!.Overrides!["innodb_log_buffer_size"] = "16777216");
        await h.ConvergeAsync(db, (d, _) => d.Status?.ParameterGroup?.ApplyStatus == RdsStatuses.ParameterPendingReboot && d.Status.InstanceStatus == RdsStatuses.Available);
        for (var i = 0; i < 3; i++)
        {
            h.Aws.Time.Advance(h.Settings.PollInterval);
            await h.ReconcileAsync(db);
        }

        Assert.Equal(0, h.Aws.Succeeded("rds", "RebootDBInstance"));
        Assert.Equal(RdsStatuses.ParameterPendingReboot, db.Status!.ParameterGroup!.ApplyStatus);
        Assert.Equal(ConditionStatus.True, h.Condition(db, ConditionTypes.Ready)!.Status);
        var synced = h.Condition(db, ConditionTypes.Synced)!;
        Assert.Equal(("False", "WaitingForReboot"), (synced.Status, synced.Reason));
        Assert.Contains("pending-reboot", synced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaintenanceWindow_reboots_once_inside_the_window_and_requeues_for_its_start()
    {
        var db = RdsHarness.Sample();
        db.Spec.Parameters!.RebootPolicy = RebootPolicy.MaintenanceWindow;
        await ReadyAsync(db);
        var window = MaintenanceWindow.TryParse((await h.Aws.Rds.FindDBInstanceAsync("orders", Ct))!.PreferredMaintenanceWindow)!;
        if (window.UntilOpen(h.Aws.Time.GetUtcNow()) < TimeSpan.FromHours(1))
        {
            h.Aws.Time.Advance(TimeSpan.FromHours(2));
        }

        RdsHarness.Edit(db, spec => spec.Parameters!.Overrides!["innodb_log_buffer_size"] = "16777216");
        var waiting = await h.ConvergeAsync(db, (d, _) => d.Status?.ParameterGroup?.ApplyStatus == RdsStatuses.ParameterPendingReboot && d.Status.InstanceStatus == RdsStatuses.Available);
        var until = window.UntilOpen(h.Aws.Time.GetUtcNow());

        Assert.Equal(0, h.Aws.Succeeded("rds", "RebootDBInstance"));
        Assert.Equal("WaitingForReboot", h.Condition(db, ConditionTypes.Synced)!.Reason);
        Assert.True(waiting.Result!.Delay <= h.Settings.PollInterval);
        h.Aws.Time.Advance(until);
        await ReadyAsync(db);
        Assert.Equal(1, h.Aws.Succeeded("rds", "RebootDBInstance"));
        Assert.True(window.Contains(h.Aws.World.Calls.Find("rds", "RebootDBInstance")[0].Time));
    }

    [Fact]
    public async Task A_rule_from_an_app_without_a_group_yet_waits_without_blocking_and_is_added_when_the_group_appears()
    {
        var db = RdsHarness.Sample(appRule: true);
        await ReadyAsync(db);
        var synced = h.Condition(db, ConditionTypes.Synced)!;
        Assert.Equal(("False", "WaitingForBeanstalkApp"), (synced.Status, synced.Reason));
        Assert.Contains(db.Spec.MasterPassword.SecretRef.Name, h.Controller.GetReferences(db).Select(r => r.Name));
        Assert.Contains(new ReferencedObject("BeanstalkApp", "myapp"), h.Controller.GetReferences(db));

        var app = await h.SecurityGroups.CreateAsync(new SecurityGroupDesired(
            SimulatedAws.Owner("myapp", "BeanstalkApp"), "instance-security-group", "myapp-instances", "app", SandboxNetwork.VpcId, []), Ct);
        h.Apps.Put(h.App("myapp", app.GroupId));
        await h.ConvergeAsync(db, (d, p) => h.Condition(d, ConditionTypes.Synced)?.Status == ConditionStatus.True);

        var group = await h.Aws.Ec2.FindSecurityGroupAsync(db.Status!.SecurityGroupId!, Ct);
        Assert.Contains(group!.IpPermissions, p => p.UserIdGroupPairs?.Any(g => g.GroupId == app.GroupId) == true && p.FromPort == 3306);

        // Adding the awaited rule is an update ebops expected, not drift: a Normal event, no Warning, Synced says InSync.
        Assert.DoesNotContain(h.Events.Reasons, r => r == SyncConditions.DriftDetected);
        Assert.Contains(h.Events.Events, e => e.Reason == "Updated" && e.Type == "Normal" && e.Note.Contains("security group", StringComparison.Ordinal));
        Assert.NotEqual("DriftCorrected", h.Condition(db, ConditionTypes.Synced)!.Reason);
    }

    [Fact]
    public async Task A_rotated_password_is_sent_once_and_the_connection_secret_follows()
    {
        var db = await ReadyAsync();
        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["password"] = "Rotated-Passw0rd-2026" },
            h.Secrets.Raw(RdsHarness.Namespace, "orders-master")!.Metadata.OwnerReferences?.ToList());
        h.Aws.World.Calls.Clear();

        await ReadyAsync(db);
        h.Aws.Time.Advance(h.Settings.PollInterval);
        await h.ReconcileAsync(db);

        var modify = Assert.Single(h.Aws.World.Calls.Find("rds", "ModifyDBInstance"));
        Assert.True(modify.Parameters.ContainsKey("MasterUserPassword"));
        Assert.Equal("Rotated-Passw0rd-2026", h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "password"));
        Assert.Contains("PasswordRotated", h.Events.Reasons);
    }

    [Fact]
    public async Task A_major_upgrade_creates_the_new_family_group_switches_the_instance_in_the_same_call_and_deletes_the_old_group()
    {
        var db = await ReadyAsync();

        RdsHarness.Edit(db, spec =>
        {
            spec.EngineVersion = "8.4";
            spec.Parameters!.Family = "mysql8.4";
        });
        await h.ConvergeAsync(db, (d, p) => Conditions.IsTrue(d.Status, ConditionTypes.Ready) && p.Result?.Reason == "poll");

        var instance = (await h.Aws.Rds.FindDBInstanceAsync("orders", Ct))!;
        Assert.StartsWith("8.4.", instance.EngineVersion, StringComparison.Ordinal);
        Assert.Equal("orders-mysql8-4", Assert.Single(instance.DBParameterGroups!).DBParameterGroupName);
        var modify = Assert.Single(h.Aws.World.Calls.Find("rds", "ModifyDBInstance"), c => c.Succeeded);
        Assert.Equal(("8.4", "true", "orders-mysql8-4"), (modify.Parameters["EngineVersion"], modify.Parameters["AllowMajorVersionUpgrade"], modify.Parameters["DBParameterGroupName"]));
        Assert.Null(await h.Aws.Rds.FindDBParameterGroupAsync("orders-mysql8-0", Ct));
        Assert.Null(db.Status!.ParameterGroup!.Retiring);
        Assert.Equal("orders-mysql8-4", db.Status.ParameterGroup.Name);
        var values = await h.Aws.Rds.DescribeDBParametersAsync(new DescribeDBParametersRequest { DBParameterGroupName = "orders-mysql8-4", Source = "user" }, Ct);
        Assert.Equal("Asia/Seoul", Assert.Single(values.Parameters!, p => p.ParameterName == "time_zone").ParameterValue);
    }

    [Fact]
    public async Task Subnets_added_to_the_spec_go_to_the_owned_subnet_group_and_the_security_group_lives_in_their_vpc()
    {
        var vpc = h.Aws.World.Ec2.AddVpc("10.30.0.0/16", ("subnet-00000000000000a1", "10.30.0.0/24", "ap-northeast-2a"),
            ("subnet-00000000000000b1", "10.30.1.0/24", "ap-northeast-2b"), ("subnet-00000000000000c1", "10.30.2.0/24", "ap-northeast-2c"));
        var db = RdsHarness.Sample();
        db.Spec.Network!.Subnets = ["subnet-00000000000000a1", "subnet-00000000000000b1"];
        await ReadyAsync(db);
        Assert.Equal(vpc, (await h.Aws.Ec2.FindSecurityGroupAsync(db.Status!.SecurityGroupId!, Ct))!.VpcId);

        RdsHarness.Edit(db, spec => spec.Network!.Subnets!.Add("subnet-00000000000000c1"));
        await ReadyAsync(db);

        var group = await h.Aws.Rds.FindDBSubnetGroupAsync("orders-subnets", Ct);
        Assert.Equal(3, group!.Subnets!.Count);
        Assert.Equal(1, h.Aws.Succeeded("rds", "ModifyDBSubnetGroup"));
    }
}
