using Ebops.EndToEnd.Tests.Stack;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Rds;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.EndToEnd.Tests.Reliability;

/// <summary>
/// Deleting what ebops manages never loses data by surprise: an RdsDatabase goes with a final snapshot by default,
/// <c>retain</c> keeps the instance, deletion protection refuses (Stalled), and deleting a namespace cleans up in
/// dependency order (docs/resources.md, "Deletion").
/// </summary>
public sealed class DeletionSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Database(string name, string annotations = "", bool protection = false) => $$"""
        apiVersion: ebops.io/v1alpha1
        kind: RdsDatabase
        metadata:
          name: {{name}}
          annotations: {{{annotations}}}
        spec:
          identifier: {{name}}
          engine: mysql
          engineVersion: "8.0"
          instanceClass: db.t3.micro
          allocatedStorage: 20
          dbName: shop
          network:
            subnets: [subnet-0aaa1111bbbb22220, subnet-0ccc3333dddd44440]
          masterUsername: admin
          masterPassword:
            secretRef: {name: {{name}}-master, key: password}
            generateIfMissing: true
          parameters:
            family: mysql8.0
            overrides: {time_zone: Asia/Seoul}
          deletion:
            deletionProtection: {{(protection ? "true" : "false")}}
        """;

    [Fact]
    public async Task Deleting_an_RdsDatabase_takes_a_final_snapshot_by_default_and_retain_keeps_the_instance()
    {
        await using var stack = await EbopsStack.StartAsync(null, Ct);
        (await stack.KubectlWithInputAsync(Database("orders") + "\n---\n" + Database("archive", "ebops.io/deletion-policy: retain"), "apply", "-f", "-"))
            .EnsureSuccess("apply");
        await stack.WaitAsync("--for=condition=Ready", "rdsdb/orders", "rdsdb/archive");

        (await stack.KubectlAsync(["delete", "rdsdb", "orders", "archive", "--wait=true", "--timeout=4m"])).EnsureSuccess("delete");

        // The default: DeleteDBInstance with a final snapshot that exists afterwards, and the instance gone.
        Assert.Null(await stack.Aws.Rds.FindDBInstanceAsync("orders", Ct));
        var calls = await stack.Aws.RequireCallsAsync(Ct);
        var delete = Assert.Single(calls, c => c.Action == "DeleteDBInstance" && c.Succeeded);
        Assert.Equal("orders", delete.Parameters["DBInstanceIdentifier"]);
        Assert.NotEqual("true", delete.Parameters.GetValueOrDefault("SkipFinalSnapshot"));
        var snapshotName = delete.Parameters["FinalDBSnapshotIdentifier"];
        var snapshots = await stack.Aws.Rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = snapshotName }, Ct);
        var snapshot = Assert.Single(snapshots.DBSnapshots ?? []);
        Assert.Equal(("orders", "manual"), (snapshot.DBInstanceIdentifier, snapshot.SnapshotType));

        // retain: the instance (and everything around it) stays; nothing of it was deleted.
        var archive = await stack.Aws.Rds.FindDBInstanceAsync("archive", Ct);
        Assert.Equal("available", archive?.DBInstanceStatus);
        Assert.DoesNotContain(calls, c => c.Action.StartsWith("Delete", StringComparison.Ordinal) && c.Parameters.Values.Any(v => v.Contains("archive", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Deletion_protection_refuses_the_delete_with_Stalled_until_the_spec_turns_it_off()
    {
        await using var stack = await EbopsStack.StartAsync(null, Ct);
        (await stack.KubectlWithInputAsync(Database("ledger", protection: true), "apply", "-f", "-")).EnsureSuccess("apply");
        await stack.WaitAsync("--for=condition=Ready", "rdsdb/ledger");

        (await stack.KubectlAsync("delete", "rdsdb", "ledger", "--wait=false")).EnsureSuccess("delete");
        await stack.WaitAsync("--for=condition=Stalled", "rdsdb/ledger");
        var stalled = (await stack.GetJsonAsync("rdsdb", "ledger"))["status"]!["conditions"]!.AsArray()
            .Single(c => c!["type"]!.GetValue<string>() == "Stalled")!["message"]!.GetValue<string>();
        Assert.StartsWith("spec.deletion.deletionProtection: deletion protection is on", stalled, StringComparison.Ordinal);
        Assert.Equal("available", (await stack.Aws.Rds.FindDBInstanceAsync("ledger", Ct))?.DBInstanceStatus);
        Assert.DoesNotContain(await stack.Aws.CallsAsync(Ct) ?? [], c => c.Action == "DeleteDBInstance");

        (await stack.KubectlAsync("patch", "rdsdb", "ledger", "--type=merge", "-p", """{"spec":{"deletion":{"deletionProtection":false}}}""")).EnsureSuccess("patch");
        await stack.WaitAsync("--for=delete", "rdsdb/ledger");
        Assert.Null(await stack.Aws.Rds.FindDBInstanceAsync("ledger", Ct));
        var delete = Assert.Single(await stack.Aws.RequireCallsAsync(Ct), c => c.Action == "DeleteDBInstance" && c.Succeeded);
        Assert.True(delete.Parameters.ContainsKey("FinalDBSnapshotIdentifier"), AwsActions.Describe([delete]));
    }

    [Fact]
    public async Task Deleting_a_release_mid_release_removes_green_and_leaves_the_serving_environment_alone()
    {
        await using var stack = await EbopsStack.StartAsync(null, Ct);
        if (stack.Aws.Simulator is null)
        {
            Assert.Skip("the release's bundles are stored in the in-process simulator's S3");
        }

        SampleRelease.SeedBundles(stack, "1.0.1", "1.0.2");
        await SampleSetup.ApplyInfrastructureAndWaitReadyAsync(stack);
        await SampleRelease.ApplyAsync(stack, "1.0.1");
        await SampleRelease.WaitSucceededAsync(stack, "1.0.1");
        var blueColor = (await stack.GetJsonAsync("bgr", SampleRelease.Name))["status"]!["activeColor"]!.GetValue<string>();
        var servingId = (await stack.GetJsonAsync("ebapp", SampleSetup.App))["status"]!["environments"]!.AsArray()
            .Single(e => e!["active"]?.GetValue<bool>() == true)!["id"]!.GetValue<string>();

        // 1.0.2 is being verified on green when the release is deleted.
        await SampleRelease.ApplyAsync(stack, "1.0.2");
        await stack.WaitAsync("--for=jsonpath={.status.phase}=Verifying", "bgr/" + SampleRelease.Name);
        var live = await stack.Aws.ElasticBeanstalk.DescribeEnvironmentsAsync(new DescribeEnvironmentsRequest { ApplicationName = SampleSetup.App }, Ct);
        var greenId = Assert.Single(live.Environments ?? [], e => e.EnvironmentId != servingId).EnvironmentId;
        (await stack.KubectlAsync("delete", "bgr", SampleRelease.Name, "--wait=true", "--timeout=4m")).EnsureSuccess("delete the release");

        // Green is terminated; the serving environment is untouched, still Ready, and the listener still forwards to it.
        var calls = await stack.Aws.RequireCallsAsync(Ct);
        var trace = "\n" + AwsActions.Describe(AwsActions.Mutations(calls));
        var terminated = calls.Where(c => c.Action == "TerminateEnvironment").Select(c => c.Parameters.GetValueOrDefault("EnvironmentId")).ToList();
        Assert.True(terminated.Contains(greenId) && !terminated.Contains(servingId), $"terminated {string.Join(", ", terminated)}; green {greenId}, serving {servingId}{trace}");
        var described = await stack.Aws.ElasticBeanstalk.DescribeEnvironmentsAsync(
            new DescribeEnvironmentsRequest { EnvironmentIds = [servingId] }, Ct);
        Assert.Equal("Ready", Assert.Single(described.Environments ?? []).Status);
        await stack.WaitAsync($"--for=jsonpath={{.status.activeColor}}={blueColor}", "nlbf/" + SampleSetup.Frontend);
        // The listener never sent a connection to green: any forward that names green's target group gives it weight 0.
        var frontend = await stack.GetJsonAsync("nlbf", SampleSetup.Frontend);
        var greenGroup = frontend["status"]!["targetGroups"]!.AsArray().Single(g => g!["color"]!.GetValue<string>() != blueColor)!["arn"]!.GetValue<string>();
        foreach (var modify in calls.Where(c => c.Action == "ModifyListener"))
        {
            var greenKeys = modify.Parameters.Where(p => p.Value == greenGroup).Select(p => p.Key).ToList();
            Assert.True(greenKeys.All(k => k.EndsWith(".TargetGroupArn", StringComparison.Ordinal) && k.Contains("ForwardConfig", StringComparison.Ordinal)
                && modify.Parameters.GetValueOrDefault(k[..^"TargetGroupArn".Length] + "Weight") == "0"), $"#{modify.Sequence} forwards to green:{trace}");
        }
    }

    [Fact]
    public async Task Deleting_the_namespace_cleans_up_in_dependency_order_and_never_drops_the_database_without_a_snapshot()
    {
        await using var stack = await EbopsStack.StartAsync(null, Ct);
        if (stack.Aws.Simulator is null)
        {
            Assert.Skip("the release's bundles are stored in the in-process simulator's S3");
        }

        // The mission's setup with 1.0.1 released behind the NLB, and the policy that lets the app terminate its environment.
        SampleRelease.SeedBundles(stack, "1.0.1");
        await SampleSetup.ApplyInfrastructureAndWaitReadyAsync(stack);
        await SampleRelease.ApplyAsync(stack, "1.0.1");
        await SampleRelease.WaitSucceededAsync(stack, "1.0.1");
        (await stack.KubectlAsync("annotate", "ebapp", SampleSetup.App, "ebops.io/deletion-policy=delete")).EnsureSuccess("annotate");
        var app = await stack.GetJsonAsync("ebapp", SampleSetup.App);
        var serving = app["status"]!["environments"]!.AsArray().Single(e => e!["active"]?.GetValue<bool>() == true)!;
        var (environment, environmentId) = (serving["name"]!.GetValue<string>(), serving["id"]!.GetValue<string>());
        var appGroup = app["status"]!["instanceSecurityGroupId"]!.GetValue<string>();
        var dbGroup = (await stack.GetJsonAsync("rdsdb", SampleSetup.Database))["status"]!["securityGroupId"]!.GetValue<string>();

        (await stack.Kubectl.RunAsync(["delete", "namespace", stack.Namespace, "--wait=true", "--timeout=4m"], null, TimeSpan.FromMinutes(5)))
            .EnsureSuccess("delete namespace");

        var calls = await stack.Aws.RequireCallsAsync(Ct);
        var trace = "\n" + AwsActions.Describe(AwsActions.Mutations(calls));
        long First(Func<SimCall, bool> match, string what) =>
            calls.FirstOrDefault(c => c.Succeeded && match(c))?.Sequence ?? throw new Xunit.Sdk.XunitException($"no successful {what}:{trace}");

        // The release leaves the environment that serves alone; the app terminates it, but only after the NLB in front of it is gone.
        Assert.Single(calls, c => c.Succeeded && c.Action == "TerminateEnvironment" && c.Parameters.GetValueOrDefault("EnvironmentId") == environmentId);
        var nlbDeleted = First(c => c.Action == "DeleteLoadBalancer", "DeleteLoadBalancer");
        var terminated = First(c => c.Action == "TerminateEnvironment" && c.Parameters.GetValueOrDefault("EnvironmentId") == environmentId, "TerminateEnvironment");
        Assert.True(nlbDeleted < terminated, $"the NLB (#{nlbDeleted}) must be deleted before {environment} is terminated (#{terminated}){trace}");

        // The app's security group goes only after the database's rule from it is dropped (with the database's group).
        var ruleDropped = First(c => (c.Action == "RevokeSecurityGroupIngress" && c.Parameters.GetValueOrDefault("GroupId") == dbGroup
                && c.Parameters.Values.Contains(appGroup)) || (c.Action == "DeleteSecurityGroup" && c.Parameters.GetValueOrDefault("GroupId") == dbGroup),
            "drop of the database's rule");
        var appGroupDeleted = First(c => c.Action == "DeleteSecurityGroup" && c.Parameters.GetValueOrDefault("GroupId") == appGroup, "DeleteSecurityGroup of the app's group");
        Assert.True(ruleDropped < appGroupDeleted, $"the app's group (#{appGroupDeleted}) must go after the database's rule (#{ruleDropped}){trace}");

        // The database goes with its final snapshot, never without one.
        var deleteDb = Assert.Single(calls, c => c.Action == "DeleteDBInstance");
        Assert.NotEqual("true", deleteDb.Parameters.GetValueOrDefault("SkipFinalSnapshot"));
        var snapshot = deleteDb.Parameters["FinalDBSnapshotIdentifier"];
        Assert.Single((await stack.Aws.Rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = snapshot }, Ct)).DBSnapshots ?? []);

        // Nothing ebops created is left: every successful create has its successful delete.
        Assert.Null(await stack.Aws.Rds.FindDBInstanceAsync(SampleSetup.Database, Ct));
        string[][] pairs =
        [
            ["CreateDBInstance", "DeleteDBInstance"], ["CreateDBSubnetGroup", "DeleteDBSubnetGroup"], ["CreateDBParameterGroup", "DeleteDBParameterGroup"],
            ["CreateSecurityGroup", "DeleteSecurityGroup"], ["CreateApplication", "DeleteApplication"], ["CreateEnvironment", "TerminateEnvironment"],
            ["CreateLoadBalancer", "DeleteLoadBalancer"], ["CreateTargetGroup", "DeleteTargetGroup"], ["AllocateAddress", "ReleaseAddress"],
        ];
        foreach (var pair in pairs)
        {
            Assert.True(calls.Count(c => c.Succeeded && c.Action == pair[0]) == calls.Count(c => c.Succeeded && c.Action == pair[1]), $"{pair[0]} vs {pair[1]}:{trace}");
        }
    }
}
