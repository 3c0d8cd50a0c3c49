using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

/// <summary>Changes made in AWS behind ebops' back are found by the next poll, reported and corrected.</summary>
public sealed class RdsDatabaseDriftTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private RdsHarness h = null!;
    private RdsDb db = null!;

    public async ValueTask InitializeAsync()
    {
        h = await RdsHarness.StartAsync();
        db = RdsHarness.Sample();
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
    }

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private Condition? correcting;

    /// <summary>The poll that finds the drift (its Synced condition is kept), then passes until in sync again.</summary>
    private async Task PollUntilSyncedAsync(TimeSpan wait)
    {
        h.Aws.Time.Advance(wait);
        await h.ReconcileAsync(db);
        correcting = h.Condition(db, ConditionTypes.Synced) is { } c ? new Condition { Status = c.Status, Reason = c.Reason, Message = c.Message } : null;
        await h.ConvergeAsync(db, (d, p) => Conditions.IsTrue(d.Status, ConditionTypes.Synced) && p.Result?.Reason == "poll");
    }

    /// <summary>One DriftDetected event names the field; the correcting pass says DriftCorrected (done at once) or
    /// Updating (while AWS applies it), naming the field; the object ends in sync.</summary>
    private void AssertCorrected(string field)
    {
        var drift = Assert.Single(h.Events.Events, e => e.Reason == SyncConditions.DriftDetected);
        Assert.Contains(field, drift.Note, StringComparison.Ordinal);
        Assert.Contains((correcting!.Status, correcting.Reason ?? ""),
            new[] { (ConditionStatus.True, RdsConditions.DriftCorrected), (ConditionStatus.False, SyncConditions.Updating) });
        Assert.Contains(field, correcting.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.True, h.Condition(db, ConditionTypes.Synced)!.Status);
    }

    [Fact]
    public async Task An_instance_class_changed_in_aws_is_set_back()
    {
        await h.Aws.Rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = "orders", DBInstanceClass = "db.t3.medium", ApplyImmediately = true }, Ct);
        h.Aws.Time.Advance(TimeSpan.FromMinutes(10));

        await PollUntilSyncedAsync(h.Settings.PollInterval);

        Assert.Equal("db.t3.micro", (await h.Aws.Rds.FindDBInstanceAsync("orders", Ct))!.DBInstanceClass);
        AssertCorrected("spec.instanceClass");
    }

    [Fact]
    public async Task A_revoked_ingress_rule_is_authorized_again()
    {
        await h.Aws.Ec2.RevokeIngressAsync(db.Status!.SecurityGroupId!, SecurityGroupManager.ToPermissions([IngressRule.TcpFromCidr(3306, "203.0.113.0/24")]), Ct);

        await PollUntilSyncedAsync(h.Settings.PollInterval);

        var group = await h.Aws.Ec2.FindSecurityGroupAsync(db.Status!.SecurityGroupId!, Ct);
        Assert.Contains(group!.IpPermissions, p => p.Ipv4Ranges?.Any(r => r.CidrIp == "203.0.113.0/24") == true);
        AssertCorrected("spec.network.securityGroup.ingress");
    }

    [Fact]
    public async Task A_parameter_changed_in_aws_is_found_by_the_periodic_value_read_and_set_back()
    {
        await h.Aws.Rds.ModifyDBParameterGroupAsync(new ModifyDBParameterGroupRequest
        {
            DBParameterGroupName = "orders-mysql8-0",
            Parameters = [new Parameter { ParameterName = "time_zone", ParameterValue = "UTC", ApplyMethod = "immediate" }],
        }, Ct);
        h.Aws.Time.Advance(TimeSpan.FromMinutes(1));

        // Steady polls do not read values (DescribeDBParameters is the expensive read)...
        h.Aws.World.Calls.Clear();
        h.Aws.Time.Advance(h.Settings.PollInterval);
        await h.ReconcileAsync(db);
        Assert.Empty(h.Aws.World.Calls.Find("rds", "DescribeDBParameters"));

        // ...but every Nth one does.
        await PollUntilSyncedAsync(h.Settings.PollInterval * RdsDecisions.ParameterValuesEveryNthPoll);

        var user = await h.Aws.Rds.DescribeDBParametersAsync(new DescribeDBParametersRequest { DBParameterGroupName = "orders-mysql8-0", Source = "user" }, Ct);
        Assert.Equal("Asia/Seoul", Assert.Single(user.Parameters!, p => p.ParameterName == "time_zone").ParameterValue);
        AssertCorrected("spec.parameters.overrides.time_zone");
    }

    [Fact]
    public async Task Deletion_protection_turned_on_in_aws_is_turned_off_again()
    {
        await h.Aws.Rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = "orders", DeletionProtection = true }, Ct);

        await PollUntilSyncedAsync(h.Settings.PollInterval);

        Assert.False((await h.Aws.Rds.FindDBInstanceAsync("orders", Ct))!.DeletionProtection);
        AssertCorrected("spec.deletion.deletionProtection");
    }

    [Fact]
    public async Task A_deleted_security_group_is_recreated_and_attached()
    {
        var old = db.Status!.SecurityGroupId!;
        var defaultGroup = (await h.Aws.Ec2.DescribeSecurityGroupsAsync([new("group-name", ["default"]), new("vpc-id", [SandboxNetwork.VpcId])], Ct))[0].GroupId;
        await h.Aws.Rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest { DBInstanceIdentifier = "orders", VpcSecurityGroupIds = [defaultGroup], ApplyImmediately = true }, Ct);
        h.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        await h.Aws.Ec2.DeleteSecurityGroupAsync(old, Ct);

        await PollUntilSyncedAsync(h.Settings.PollInterval);

        Assert.NotEqual(old, db.Status.SecurityGroupId);
        var instance = await h.Aws.Rds.FindDBInstanceAsync("orders", Ct);
        Assert.Equal(db.Status.SecurityGroupId, Assert.Single(instance!.VpcSecurityGroups!).VpcSecurityGroupId);
    }
}
