using System.Text.Json;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

/// <summary>Throttling, 5xx and eventual consistency are survived without a duplicate; no secret leaks anywhere.</summary>
public sealed class RdsDatabaseFaultTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private RdsHarness h = null!;

    public async ValueTask InitializeAsync() => h = await RdsHarness.StartAsync();

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private static readonly string[] Creates = ["CreateDBInstance", "CreateDBSubnetGroup", "CreateDBParameterGroup", "CreateSecurityGroup"];

    [Theory]
    [InlineData(FaultKind.Throttle)]
    [InlineData(FaultKind.ServerError)]
    public async Task A_third_of_all_calls_failing_delays_convergence_but_never_duplicates_an_object(FaultKind kind)
    {
        h.Aws.World.Faults.Add(new FaultRule(kind, "rds", Fraction: 0.35));
        h.Aws.World.Faults.Add(new FaultRule(kind, "ec2", Fraction: 0.35));
        var db = RdsHarness.Sample();

        var pass = await h.ConvergeAsync(db, passes: 200);

        Assert.Null(pass.Stalled);
        Assert.Contains(h.Aws.World.Calls.All, c => c.Injected);
        foreach (var create in Creates)
        {
            Assert.Equal(1, h.Aws.World.Calls.All.Count(c => c.Action == create && c.Succeeded));
        }

        Assert.Single(await h.Aws.Ec2.DescribeSecurityGroupsAsync([new("group-name", ["orders-db"])], Ct));
        Assert.Equal(RdsStatuses.Available, db.Status!.InstanceStatus);
    }

    [Fact]
    public async Task Creates_hidden_by_eventual_consistency_are_found_not_repeated()
    {
        h.Aws.World.Faults.SetConsistencyWindow("rds", TimeSpan.FromSeconds(40));
        h.Aws.World.Faults.SetConsistencyWindow("ec2", TimeSpan.FromSeconds(40));
        var db = RdsHarness.Sample();

        var pass = await h.ConvergeAsync(db, passes: 200);

        Assert.Null(pass.Stalled);
        foreach (var create in Creates)
        {
            Assert.Equal(1, h.Aws.World.Calls.All.Count(c => c.Action == create && c.Succeeded));
        }
    }

    [Fact]
    public async Task A_crash_after_the_reboot_call_does_not_reboot_twice()
    {
        var db = RdsHarness.Sample();
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        RdsHarness.Edit(db, spec => spec.Parameters!.Overrides!["innodb_log_buffer_size"] = "16777216");
        await h.ConvergeAsync(db, (_, _) => h.Aws.Succeeded("rds", "RebootDBInstance") == 1);

        // The status written after the reboot is lost (a crash): the next pass starts from the status before it.
        db.Status!.InstanceStatus = RdsStatuses.Available;
        db.Status.ParameterGroup!.ApplyStatus = RdsStatuses.ParameterPendingReboot;
        await h.ConvergeAsync(db);

        Assert.Equal(1, h.Aws.Succeeded("rds", "RebootDBInstance"));
        Assert.Equal(RdsStatuses.ParameterInSync, db.Status.ParameterGroup.ApplyStatus);
    }

    [Fact]
    public async Task No_password_reaches_a_log_line_an_event_the_status_an_exception_or_the_aws_call_log()
    {
        h.Aws.World.Faults.Add(FaultRule.ServerError("rds", "CreateDBInstance", count: 1));
        h.Aws.World.Faults.Add(FaultRule.Throttle("rds", "ModifyDBInstance", count: 1));
        var db = RdsHarness.Sample();
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        var generated = h.Secrets.Value(RdsHarness.Namespace, "orders-master", "password");
        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["password"] = "Rotated-Passw0rd-2026" },
            h.Secrets.Raw(RdsHarness.Namespace, "orders-master")!.Metadata.OwnerReferences?.ToList());
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        var status = JsonSerializer.Serialize(db.Status);
        h.Delete(db);
        await h.ConvergeAsync(db, (_, p) => p.Result?.IsDone == true);

        string[] secrets = [generated!, "Rotated-Passw0rd-2026"];
        var haystacks = h.Logs.Lines
            .Concat(h.Events.Events.Select(e => e.Note))
            .Append(status)
            .Append(JsonSerializer.Serialize(db.Status))
            .Concat(h.Outcomes)
            .Concat(h.Aws.World.Calls.All.SelectMany(c => c.Parameters.Values))
            .Append(JsonSerializer.Serialize(h.Aws.World.DumpState()))
            .ToList();
        Assert.NotEmpty(h.Logs.Lines);
        Assert.Contains(haystacks, text => text.Contains(db.Spec.Identifier, StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(haystacks, text => text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(haystacks, text => text.Contains(RdsDecisionsSha(secret), StringComparison.Ordinal));
        }
    }

    private static string RdsDecisionsSha(string value) => Ebops.Operator.Controllers.RdsDatabase.RdsDecisions.Sha256(value);
}
