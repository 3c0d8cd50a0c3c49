using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Status;
using k8s.Models;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

public sealed class RdsDecisionsTests
{
    // 2026-03-02 is a Monday.
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DbInstanceObserved Instance(string status = RdsStatuses.Available, string? apply = RdsStatuses.ParameterPendingReboot, string? window = "mon:10:00-mon:10:30") => new(
        "orders", "arn:aws:rds:ap-northeast-2:123456789012:db:orders", status, "mysql", "8.0.40", "db.t3.micro", 20, "shop", "admin", false,
        "orders-mysql8-0", apply, "orders-subnets", "vpc-1", ["sg-1"], false, "orders.example", 3306, window,
        new Dictionary<string, string>(), new Dictionary<string, string>());

    public static TheoryData<RebootPolicy, string, string?, string?, int, RebootAction, int?> Reboots => new()
    {
        { RebootPolicy.Immediate, RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, null, 0, RebootAction.RebootNow, null },
        { RebootPolicy.Immediate, RdsStatuses.Rebooting, RdsStatuses.ParameterPendingReboot, null, 0, RebootAction.None, null },
        { RebootPolicy.Immediate, RdsStatuses.Modifying, RdsStatuses.ParameterPendingReboot, null, 0, RebootAction.None, null },
        { RebootPolicy.Immediate, RdsStatuses.Available, RdsStatuses.ParameterInSync, null, 0, RebootAction.None, null },
        { RebootPolicy.Immediate, RdsStatuses.Available, RdsStatuses.ParameterApplying, null, 0, RebootAction.None, null },
        { RebootPolicy.Manual, RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, null, 0, RebootAction.ReportOnly, null },
        { RebootPolicy.MaintenanceWindow, RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, "mon:10:00-mon:10:30", 0, RebootAction.WaitForWindow, 60 },
        { RebootPolicy.MaintenanceWindow, RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, "mon:10:00-mon:10:30", 70, RebootAction.RebootNow, null },
        { RebootPolicy.MaintenanceWindow, RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, "mon:10:00-mon:10:30", 90, RebootAction.WaitForWindow, 7 * 24 * 60 - 30 },
        { RebootPolicy.MaintenanceWindow, RdsStatuses.Rebooting, RdsStatuses.ParameterPendingReboot, "mon:10:00-mon:10:30", 70, RebootAction.None, null },
        { RebootPolicy.MaintenanceWindow, RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, "garbage", 0, RebootAction.ReportOnly, null },
    };

    [Theory]
    [MemberData(nameof(Reboots))]
    public void Reboot_only_an_available_instance_whose_group_waits_for_it_as_the_policy_says(
        RebootPolicy policy, string status, string? apply, string? window, int minutesAfter9, RebootAction action, int? waitMinutes)
    {
        var decision = RdsDecisions.Reboot(policy, Instance(status, apply, window), Monday0900.AddMinutes(minutesAfter9));

        Assert.Equal(action, decision.Action);
        Assert.Equal(waitMinutes is null ? null : TimeSpan.FromMinutes(waitMinutes.Value), decision.Wait);
    }

    private static RdsDb Db(long? observed, string synced, string? instance, string? apply)
    {
        var db = new RdsDb { Metadata = new V1ObjectMeta { Generation = 2 }, Status = new RdsDatabaseStatus { ObservedGeneration = observed, InstanceStatus = instance } };
        db.Status.ParameterGroup = apply is null ? null : new ParameterGroupStatus { ApplyStatus = apply };
        Conditions.Set(db.Status, ConditionTypes.Synced, synced, "r", null, 2, Monday0900);
        return db;
    }

    public static TheoryData<long?, string, string?, string?, ReadMode> Modes => new()
    {
        { 2, "True", RdsStatuses.Available, RdsStatuses.ParameterInSync, ReadMode.Cached },
        { 2, "True", RdsStatuses.Available, null, ReadMode.Cached },
        { 1, "True", RdsStatuses.Available, RdsStatuses.ParameterInSync, ReadMode.Recent },
        { 2, "False", RdsStatuses.Available, RdsStatuses.ParameterInSync, ReadMode.Recent },
        { 2, "True", RdsStatuses.Modifying, RdsStatuses.ParameterInSync, ReadMode.Recent },
        { 2, "True", RdsStatuses.Available, RdsStatuses.ParameterPendingReboot, ReadMode.Recent },
        { null, "True", null, null, ReadMode.Recent },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Only_a_steady_object_reads_from_the_shared_snapshots(long? observed, string synced, string? instance, string? apply, ReadMode mode) =>
        Assert.Equal(mode, RdsDecisions.ReadModeFor(Db(observed, synced, instance, apply)));

    [Theory]
    [InlineData(false, ReadMode.Cached, 10, false)]
    [InlineData(false, ReadMode.Cached, 60, true)]
    [InlineData(true, ReadMode.Cached, 10, true)]
    [InlineData(false, ReadMode.Live, 10, true)]
    [InlineData(false, ReadMode.Recent, 10, false)]
    [InlineData(false, ReadMode.Cached, null, true)]
    public void Parameter_values_are_read_when_the_spec_changed_while_in_motion_or_every_nth_poll(bool specChanged, ReadMode mode, int? minutesAgo, bool read) =>
        Assert.Equal(read, RdsDecisions.ReadParameterValues(specChanged, mode, minutesAgo is null ? null : Monday0900.AddMinutes(-minutesAgo.Value), Monday0900, TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("short", "8 to 41 characters")]
    [InlineData("has space inside", "except")]
    [InlineData("has/slash-inside", "except")]
    [InlineData("has@at-inside", "except")]
    [InlineData("has\"quote-inside", "except")]
    [InlineData("Fine-Passw0rd!#", null)]
    public void Passwords_rds_would_refuse_are_caught_without_echoing_them(string password, string? problem)
    {
        var found = RdsDecisions.PasswordProblem(password);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
            Assert.DoesNotContain(password, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generated_passwords_are_32_characters_rds_accepts_and_differ()
    {
        var a = RdsPasswords.Generate();
        var b = RdsPasswords.Generate();

        Assert.Equal(32, a.Length);
        Assert.Null(RdsDecisions.PasswordProblem(a));
        Assert.NotEqual(a, b);
        Assert.All(a, c => Assert.Contains(c, RdsPasswords.Alphabet));
    }

    [Fact]
    public void The_status_password_hash_is_keyed_by_the_uid_and_is_not_the_plain_hash()
    {
        var sha = RdsDecisions.Sha256("Fine-Passw0rd!#");

        var one = RdsDecisions.PasswordHash("uid-1", sha);

        Assert.NotEqual(sha, one);
        Assert.NotEqual(one, RdsDecisions.PasswordHash("uid-2", sha));
        Assert.Equal(one, RdsDecisions.PasswordHash("uid-1", sha));
        Assert.Equal(64, one.Length);
    }

    [Theory]
    [InlineData("Parameters.time_zone", "spec.parameters.overrides.time_zone")]
    [InlineData("InstanceClass", "spec.instanceClass")]
    [InlineData("Ingress", "spec.network.securityGroup.ingress")]
    [InlineData("SubnetIds", "spec.network.subnets")]
    [InlineData("DeletionProtection", "spec.deletion.deletionProtection")]
    public void Delta_fields_map_to_the_spec_fields_users_write(string field, string spec) => Assert.Equal(spec, RdsDecisions.SpecField(field));

    [Fact]
    public void Names_are_deterministic_and_fit_aws_rules()
    {
        Assert.Equal("orders-mysql8-0", RdsNames.ParameterGroup("orders", "mysql8.0"));
        Assert.Equal("orders-subnets", RdsNames.SubnetGroup("orders"));
        Assert.Equal("orders-db", RdsNames.SecurityGroup("orders"));
        Assert.Equal("orders-final-20260302-090000", RdsNames.FinalSnapshot("orders", Monday0900));
    }

    [Fact]
    public void Ingress_leaves_out_rules_whose_source_has_no_group_yet_and_names_them()
    {
        var spec = RdsHarness.Sample(appRule: true).Spec;
        spec.Network!.SecurityGroup!.Ingress!.Add(new RdsIngressRule { Port = 3306, FromSecurityGroupOf = new SecurityGroupOwnerReference { Name = "other" } });

        var (rules, waiting) = RdsDesired.Ingress(spec, source => source.Name == "other" ? "sg-other" : null);

        Assert.Equal(["tcp/3306-3306 from 203.0.113.0/24", "tcp/3306-3306 from sg-other"], rules.Select(r => r.Key));
        Assert.Equal(["BeanstalkApp myapp"], waiting);
    }

    [Fact]
    public void The_desired_instance_carries_the_spec_and_the_resolved_groups()
    {
        var spec = RdsHarness.Sample().Spec;
        var owner = new ResourceOwner("c", "RdsDatabase", "default", "orders", "uid");

        var desired = RdsDesired.Instance(spec, owner, "orders-subnets", "orders-mysql8-0", "sg-1", null);

        Assert.Equal(("mysql", "8.0", "db.t3.micro", 20), (desired.Engine, desired.EngineVersion, desired.InstanceClass, desired.AllocatedStorage));
        Assert.Equal(["sg-1"], desired.SecurityGroupIds);
        Assert.Null(RdsDesired.Instance(spec, owner, null, null, null, null).SecurityGroupIds);
        Assert.Equal(IngressRule.Tcp, RdsDesired.Ingress(spec, _ => null).Rules[0].Protocol);
    }
}
