using Ebops.EndToEnd.Tests.Stack;

namespace Ebops.EndToEnd.Tests.Samples;

/// <summary>
/// What a user sees after <c>kubectl apply -k config/samples</c>: <c>ebops run</c> as a process, the real kubectl, the
/// emulator (or <c>EBOPS_TEST_KUBECONFIG</c>'s cluster) and the simulator (or <c>EBOPS_TEST_AWS_ENDPOINT</c>).
/// </summary>
public sealed class SamplesEndToEndTests
{
    /// <summary>A static MySQL 8.0 parameter (RDS applies it only after a reboot) and a value it allows.</summary>
    private const string StaticParameter = "back_log";
    private const string StaticValue = "300";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Samples_become_Ready_with_time_zone_in_sync_the_connection_Secret_written_and_no_secret_anywhere()
    {
        await using var stack = await EbopsStack.StartAsync(new StackOptions
        {
            // The most talkative operator: every debug line is scanned for the password too.
            OperatorEnvironment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug", ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning" },
        }, Ct);
        await SampleSetup.ApplyAndWaitReadyAsync(stack);

        // time_zone is a dynamic parameter: RDS applies it without a reboot, and the instance's group is in sync.
        var group = await SampleSetup.ParameterGroupAsync(stack.Aws.Rds, Ct);
        Assert.Equal("in-sync", group.ParameterApplyStatus);
        var parameters = await SampleSetup.UserParametersAsync(stack.Aws.Rds, group.DBParameterGroupName!, Ct);
        Assert.Equal("Asia/Seoul", parameters["time_zone"]);
        var db = await stack.GetJsonAsync("rdsdb", SampleSetup.Database);
        Assert.Equal("in-sync", db["status"]!["parameterGroup"]!["applyStatus"]!.GetValue<string>());
        Assert.Equal(group.DBParameterGroupName, db["status"]!["parameterGroup"]!["name"]!.GetValue<string>());

        // The connection Secret: five keys, owned by the RdsDatabase (garbage-collected with it).
        var secret = await stack.GetJsonAsync("secret", SampleSetup.ConnectionSecret);
        Assert.Equal(["dbname", "host", "password", "port", "username"], secret["data"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList());
        var owner = Assert.Single(secret["metadata"]!["ownerReferences"]!.AsArray());
        Assert.Equal(("RdsDatabase", SampleSetup.Database, db["metadata"]!["uid"]!.GetValue<string>()),
            (owner!["kind"]!.GetValue<string>(), owner["name"]!.GetValue<string>(), owner["uid"]!.GetValue<string>()));
        Assert.Equal(SampleSetup.KnownPassword, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["password"]!.GetValue<string>())));

        var leaks = await LeakScan.FindAsync(stack, SampleSetup.KnownPassword, Ct);
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    [Fact]
    public async Task A_static_parameter_waits_for_a_reboot_under_Manual_and_ebops_reboots_once_under_Immediate()
    {
        await using var stack = await EbopsStack.StartAsync(null, Ct);
        await SampleSetup.ApplyAndWaitReadyAsync(stack);

        // Manual: RDS keeps the new value pending until a reboot, and ebops only reports it.
        (await stack.KubectlAsync("patch", "rdsdb", SampleSetup.Database, "--type=merge", "-p",
            "{\"spec\":{\"parameters\":{\"rebootPolicy\":\"Manual\",\"overrides\":{\"" + StaticParameter + "\":\"" + StaticValue + "\"}}}}")).EnsureSuccess("patch");
        await stack.WaitAsync("--for=jsonpath={.status.parameterGroup.applyStatus}=pending-reboot", "rdsdb/" + SampleSetup.Database);
        var group = await SampleSetup.ParameterGroupAsync(stack.Aws.Rds, Ct);
        Assert.Equal("pending-reboot", group.ParameterApplyStatus);
        Assert.Equal(StaticValue, (await SampleSetup.UserParametersAsync(stack.Aws.Rds, group.DBParameterGroupName!, Ct))[StaticParameter]);
        var beforeImmediate = await stack.Aws.CallsAsync(Ct);
        Assert.DoesNotContain(beforeImmediate ?? [], c => c.Action == "RebootDBInstance");

        // Immediate: ebops reboots the available instance once, and the group is in sync again.
        (await stack.KubectlAsync("patch", "rdsdb", SampleSetup.Database, "--type=merge", "-p", """{"spec":{"parameters":{"rebootPolicy":"Immediate"}}}"""))
            .EnsureSuccess("patch");
        await stack.WaitAsync("--for=jsonpath={.status.parameterGroup.applyStatus}=in-sync", "rdsdb/" + SampleSetup.Database);
        await stack.WaitAsync("--for=condition=Ready", "rdsdb/" + SampleSetup.Database);
        Assert.Equal("in-sync", (await SampleSetup.ParameterGroupAsync(stack.Aws.Rds, Ct)).ParameterApplyStatus);
        var reboots = (await stack.Aws.RequireCallsAsync(Ct)).Where(c => c.Action == "RebootDBInstance").ToList();
        var reboot = Assert.Single(reboots);
        Assert.Equal((SampleSetup.Database, "ok"), (reboot.Parameters["DBInstanceIdentifier"], reboot.Outcome));
    }
}
