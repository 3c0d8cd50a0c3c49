using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Tests.Aws.Rds;

namespace Ebops.Sandbox.Tests.Aws.Core;

public sealed class FaultInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> OutcomesAsync(int seed, int calls)
    {
        await using var host = await SimHost.StartAsync(o => o.Seed = seed);
        host.World.Faults.Add(FaultRule.Throttle("rds", "DescribeDBInstances", fraction: 0.5));
        var outcomes = new List<string>();
        for (var i = 0; i < calls; i++)
        {
            var reply = await host.QueryAsync("rds", "DescribeDBInstances");
            outcomes.Add(reply.Status == 200 ? "ok" : $"{reply.Status}:{reply.ErrorCode}");
        }

        // Other actions of the service are not touched.
        Assert.Equal(200, (await host.QueryAsync("rds", "DescribeDBParameterGroups")).Status);
        Assert.All(host.World.Calls.Find("rds", "DescribeDBInstances").Where(c => !c.Succeeded), c => Assert.True(c.Injected));
        return outcomes;
    }

    [Fact]
    public async Task Throttling_hits_a_fraction_of_calls_repeatably_for_a_seed()
    {
        var first = await OutcomesAsync(seed: 7, calls: 40);
        var again = await OutcomesAsync(seed: 7, calls: 40);
        Assert.Equal(first, again);
        Assert.All(first.Where(o => o != "ok"), o => Assert.Equal("400:Throttling", o));
        var throttled = first.Count(o => o != "ok");
        Assert.InRange(throttled, 8, 32);
    }

    [Fact]
    public async Task Each_protocol_throttles_and_fails_with_its_own_codes()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.Faults.Add(FaultRule.Throttle("ec2", count: 1));
        host.World.Faults.Add(FaultRule.ServerError("rds", count: 1));
        host.World.Faults.Add(FaultRule.Throttle("s3", count: 1));
        var ec2 = await host.QueryAsync("ec2", "DescribeVpcs");
        Assert.Equal((503, "RequestLimitExceeded", "Response"), (ec2.Status, ec2.ErrorCode, ec2.Xml.Name.LocalName));
        var rds = await host.QueryAsync("rds", "DescribeDBInstances");
        Assert.Equal((500, "InternalFailure", "Receiver"), (rds.Status, rds.ErrorCode, rds.Value("Type")));
        var s3 = await host.SendAsync("s3", HttpMethod.Get, new Uri(host.Simulator.Endpoint, "/"), null, null);
        Assert.Equal((503, "SlowDown"), (s3.Status, s3.ErrorCode));

        // count: 1 → the next calls go through.
        Assert.Equal(200, (await host.QueryAsync("ec2", "DescribeVpcs")).Status);
        Assert.Equal(200, (await host.QueryAsync("rds", "DescribeDBInstances")).Status);
    }

    [Fact]
    public async Task Sdk_retries_through_a_throttled_call()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        host.World.Faults.Add(FaultRule.Throttle("ec2", "DescribeVpcs", count: 2));
        using var ec2 = host.Ec2Client(maxErrorRetry: 3);
        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct);
        Assert.Single(vpcs.Vpcs);
        Assert.Equal(["RequestLimitExceeded", "RequestLimitExceeded", "ok"], host.World.Calls.Find("ec2").Select(c => c.Outcome));
    }

    [Fact]
    public async Task Outage_window_fails_every_call_between_its_bounds()
    {
        await using var host = await SimHost.StartAsync();
        var start = host.Time.GetUtcNow().AddMinutes(1);
        host.World.Faults.Add(FaultRule.Outage("rds", start, start.AddMinutes(5)));
        Assert.Equal(200, (await host.QueryAsync("rds", "DescribeDBInstances")).Status);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var during = await host.QueryAsync("rds", "DescribeDBInstances");
        Assert.Equal((503, "ServiceUnavailable"), (during.Status, during.ErrorCode));
        Assert.Equal(200, (await host.QueryAsync("ec2", "DescribeVpcs")).Status);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(200, (await host.QueryAsync("rds", "DescribeDBInstances")).Status);
    }

    [Fact]
    public async Task Latency_waits_on_the_simulators_clock()
    {
        var time = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SimHost.StartAsync(time: time);
        host.World.Faults.Add(FaultRule.Delay("rds", TimeSpan.FromSeconds(30)));
        var delayed = time.TimerCreatedAsync(TimeSpan.FromSeconds(30));
        var call = host.QueryAsync("rds", "DescribeDBInstances");

        // Once the front end waits on the 30 s delay, 29 s of simulated time do not end it and the 30th does.
        await delayed.WaitAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await call).Status);
    }

    [Fact]
    public void Creations_are_remembered_for_an_hour_or_the_longest_consistency_window()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var faults = new FaultInjector(time);
        faults.NoteCreated("ec2", "sg-1");
        time.Advance(TimeSpan.FromMinutes(61));
        faults.NoteCreated("ec2", "sg-2");
        Assert.Equal(1, faults.RememberedCreations);

        faults.SetConsistencyWindow("ec2", TimeSpan.FromHours(2));
        Assert.True(faults.IsHidden("ec2", "sg-2"));
        time.Advance(TimeSpan.FromMinutes(61));
        faults.NoteCreated("ec2", "sg-3");
        Assert.Equal(2, faults.RememberedCreations);
        Assert.True(faults.IsHidden("ec2", "sg-2"));
    }

    [Fact]
    public async Task Eventual_consistency_hides_a_new_resource_for_the_window()
    {
        await using var host = await SimHost.StartAsync();
        host.World.Faults.SetConsistencyWindow("rds", TimeSpan.FromSeconds(5));
        host.World.Faults.SetConsistencyWindow("ec2", TimeSpan.FromSeconds(5));
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        Assert.Equal((404, "DBInstanceNotFound"), await rds.ErrorAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders")));
        Assert.Empty((await rds.OkAsync("DescribeDBInstances")).All("DBInstance"));
        var group = (await host.QueryAsync("ec2", "CreateSecurityGroup", new Dictionary<string, string> { ["GroupName"] = "g", ["GroupDescription"] = "g" })).Value("groupId")!;
        Assert.Equal("InvalidGroup.NotFound", (await host.QueryAsync("ec2", "DescribeSecurityGroups", new Dictionary<string, string> { ["GroupId.1"] = group })).ErrorCode);

        host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("available", await rds.StatusAsync("orders"));
        Assert.Equal(200, (await host.QueryAsync("ec2", "DescribeSecurityGroups", new Dictionary<string, string> { ["GroupId.1"] = group })).Status);
    }

    [Fact]
    public async Task Admin_api_adds_lists_and_removes_faults_and_serves_calls_and_state()
    {
        await using var host = await SimHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Simulator.Endpoint };
        var health = await http.GetFromJsonAsync<JsonObject>("/_sim/health", Ct);
        Assert.Equal("ok", (string?)health!["status"]);
        Assert.Contains("rds", health["services"]!.AsArray().Select(s => (string?)s));

        using var added = await http.PostAsJsonAsync("/_sim/faults", new JsonObject { ["kind"] = "Throttle", ["service"] = "rds", ["action"] = "DescribeDBInstances" }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
        var ruleId = (string?)(await added.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"];
        Assert.Equal("Throttling", (await host.QueryAsync("rds", "DescribeDBInstances")).ErrorCode);

        using var outage = await http.PostAsJsonAsync("/_sim/faults", new JsonObject { ["kind"] = "Outage", ["service"] = "ec2", ["durationSeconds"] = 60 }, Ct);
        Assert.Equal("Unavailable", (await host.QueryAsync("ec2", "DescribeVpcs")).ErrorCode);
        using var broken = await http.PostAsJsonAsync("/_sim/faults", new JsonObject { ["kind"] = "BreakVersion", ["versionLabel"] = "v2", ["mode"] = "Refuse" }, Ct);
        Assert.Equal(VersionFaultMode.Refuse, host.World.Faults.VersionFault("v2"));
        using var failed = await http.PostAsJsonAsync("/_sim/faults", new JsonObject { ["kind"] = "FailInstance", ["environmentId"] = "e-abcdefghij" }, Ct);
        Assert.Equal("e-abcdefghij", Assert.Single(host.World.Faults.InstanceFailuresOf("e-abcdefghij")).EnvironmentId);

        var faults = await http.GetFromJsonAsync<JsonObject>("/_sim/faults", Ct);
        Assert.Equal(2, faults!["rules"]!.AsArray().Count);
        Assert.Equal("Refuse", (string?)faults["brokenVersions"]!["v2"]);

        using (var removed = await http.DeleteAsync($"/_sim/faults/{ruleId}", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Equal(200, (await host.QueryAsync("rds", "DescribeDBInstances")).Status);
        using (var cleared = await http.DeleteAsync("/_sim/faults", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, cleared.StatusCode);
        }

        Assert.Equal(200, (await host.QueryAsync("ec2", "DescribeVpcs")).Status);
        Assert.Null(host.World.Faults.VersionFault("v2"));

        var calls = await http.GetFromJsonAsync<JsonArray>("/_sim/calls?service=rds&action=DescribeDBInstances", Ct);
        Assert.Equal(["Throttling", "ok"], calls!.Select(c => (string?)c!["outcome"]));
        var state = await http.GetFromJsonAsync<JsonObject>("/_sim/state", Ct);
        Assert.Equal(SandboxNetwork.VpcId, (string?)state!["ec2"]!["vpcs"]![0]!["vpcId"]);
        using var bad = await http.PostAsync("/_sim/faults", new StringContent("{\"kind\":\"Nonsense\"}"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
