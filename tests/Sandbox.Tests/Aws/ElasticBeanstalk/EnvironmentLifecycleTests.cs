using System.Net.Sockets;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

public sealed class EnvironmentLifecycleTests
{
    [Theory]
    [InlineData(null, 0, "Launching", "Grey", "Pending")]
    [InlineData(null, 235, "Launching", "Grey", "Pending")]
    [InlineData(null, 240, "Ready", "Green", "Ok")]
    [InlineData(null, 900, "Ready", "Green", "Ok")]
    [InlineData(VersionFaultMode.Http500, 240, "Ready", "Red", "Severe")]
    [InlineData(VersionFaultMode.Refuse, 240, "Ready", "Red", "Severe")]
    public async Task Environment_launches_in_four_minutes_and_turns_green_only_when_instances_pass_health_checks(
        VersionFaultMode? fault, int seconds, string status, string health, string healthStatus)
    {
        await using var rig = new EbRig();
        if (fault is { } mode)
        {
            rig.World.Faults.BreakVersion("1.0.0", mode);
        }

        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(seconds));

        Assert.Equal((status, health, healthStatus), await rig.StatusAsync("web-blue"));
    }

    [Fact]
    public async Task Broken_green_never_becomes_healthy()
    {
        await using var rig = new EbRig();
        rig.World.Faults.BreakVersion("1.0.1", VersionFaultMode.Http500);
        await rig.LaunchAsync("web", "web-green", "1.0.1");

        await rig.AdvanceAsync(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(15));

        Assert.Equal(("Ready", "Red", "Severe"), await rig.StatusAsync("web-green"));
        var health = await rig.Call.CallAsync("DescribeEnvironmentHealth", ("EnvironmentName", "web-green"), ("AttributeNames.member.1", "All"));
        Assert.Equal("2", rig.Call.Text(health, "InstancesHealth/Severe"));
        Assert.Equal("ELB health is failing or not available for all instances.", rig.Call.Text(health, "Causes/member"));
        var events = await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-green"), ("Severity", "WARN"));
        Assert.Contains(rig.Call.Members(events, "Events"), e => rig.Call.Text(e, "Message")!.Contains("to Severe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failing_instance_during_the_bake_degrades_the_environment()
    {
        await using var rig = new EbRig();
        var id = await rig.LaunchAsync("web", "web-green", "1.0.1", minSize: 3);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(("Ready", "Green", "Ok"), await rig.StatusAsync("web-green"));

        rig.World.Faults.FailInstance(id);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(("Ready", "Yellow", "Warning"), await rig.StatusAsync("web-green"));
        var instances = await rig.Call.CallAsync("DescribeInstancesHealth", ("EnvironmentName", "web-green"), ("AttributeNames.member.1", "All"));
        var statuses = rig.Call.Members(instances, "InstanceHealthList").Select(i => (rig.Call.Text(i, "InstanceId"), rig.Call.Text(i, "HealthStatus"))).ToList();
        Assert.Equal([(rig.State.InstanceIds(id)[0], "Severe")], statuses.Where(s => s.Item2 != "Ok"));
    }

    [Fact]
    public async Task UpdateEnvironment_deploys_the_new_version_and_rejects_updates_while_updating()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.VersionAsync("web", "1.0.1");
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"))).Code);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));

        var updated = await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        Assert.Equal(("Updating", "1.0.1", "true"), (rig.Call.Text(updated, "Status"), rig.Call.Text(updated, "VersionLabel"), rig.Call.Text(updated, "AbortableOperationInProgress")));
        Assert.Equal(
            "Environment named web-blue is in an invalid state for this operation. Must be Ready.",
            (await rig.Call.FailAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.0"))).Message);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(("Ready", "Green", "Ok"), await rig.StatusAsync("web-blue"));

        using var client = new HttpClient();
        var endpoint = rig.State.ResolveCname("web-blue.ap-northeast-2.elasticbeanstalk.com")!;
        Assert.Equal("1.0.1", await EbRig.GetVersionAsync(client, endpoint));
        Assert.Equal("1.0.1", await EbRig.GetVersionAsync(client, endpoint));
    }

    [Fact]
    public async Task AbortEnvironmentUpdate_rolls_an_update_in_progress_back_and_is_refused_otherwise()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.VersionAsync("web", "1.0.1");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        var idle = await rig.Call.FailAsync("AbortEnvironmentUpdate", ("EnvironmentName", "web-blue"));
        Assert.Equal(("InvalidParameterValue", "Environment named web-blue is in an invalid state for this operation. Must be pending deployment."), (idle.Code, idle.Message));

        await rig.Call.CallAsync("UpdateEnvironment", [("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"), .. EbRig.Options("OptionSettings", ("aws:autoscaling:asg", "MinSize", "3"))]);
        await rig.Call.CallAsync("AbortEnvironmentUpdate", ("EnvironmentName", "web-blue"));

        var aborting = await rig.EnvironmentAsync("web-blue");
        Assert.Equal(("Aborting", "false", "1.0.0"), (rig.Call.Text(aborting, "Status"), rig.Call.Text(aborting, "AbortableOperationInProgress"), rig.Call.Text(aborting, "VersionLabel")));
        Assert.Equal(2, rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironmentResources", ("EnvironmentName", "web-blue")), "EnvironmentResources/Instances").Count);
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("AbortEnvironmentUpdate", ("EnvironmentName", "web-blue"))).Code);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(("Ready", "Green", "Ok"), await rig.StatusAsync("web-blue"));
        using var client = new HttpClient();
        Assert.Equal("1.0.0", await EbRig.GetVersionAsync(client, rig.State.ResolveCname("web-blue.ap-northeast-2.elasticbeanstalk.com")!));
        var settings = await rig.Call.CallAsync("DescribeConfigurationSettings", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"));
        Assert.Contains(rig.Call.Members(settings, "ConfigurationSettings/member/OptionSettings"), o => rig.Call.Text(o, "OptionName") == "MinSize" && rig.Call.Text(o, "Value") == "2");
    }

    [Fact]
    public async Task UpdateEnvironment_MinSize_changes_the_instance_count()
    {
        await using var rig = new EbRig();
        var id = await rig.LaunchAsync("web", "web-blue", "1.0.0", minSize: 1);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));

        await rig.Call.CallAsync(
            "UpdateEnvironment",
            ("EnvironmentId", id),
            ("OptionSettings.member.1.Namespace", "aws:autoscaling:asg"),
            ("OptionSettings.member.1.OptionName", "MinSize"),
            ("OptionSettings.member.1.Value", "3"));
        var resources = await rig.Call.CallAsync("DescribeEnvironmentResources", ("EnvironmentId", id));
        Assert.Equal(3, rig.Call.Members(resources, "EnvironmentResources/Instances").Count);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(3));
        var health = await rig.Call.CallAsync("DescribeEnvironmentHealth", ("EnvironmentId", id), ("AttributeNames.member.1", "InstancesHealth"));
        Assert.Equal("3", rig.Call.Text(health, "InstancesHealth/Ok"));
        Assert.Null(rig.Call.Text(health, "Color"));
    }

    [Fact]
    public async Task SwapEnvironmentCNAMEs_swaps_the_names_and_the_traffic_behind_them()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0", cnamePrefix: "web-live");
        await rig.LaunchAsync("web", "web-green", "1.0.1", cnamePrefix: "web-next");
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("SwapEnvironmentCNAMEs", ("SourceEnvironmentName", "web-blue"), ("DestinationEnvironmentName", "web-green"))).Code);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
        Assert.Equal("1.0.0", await EbRig.GetVersionAsync(client, rig.State.ResolveCname("web-live.ap-northeast-2.elasticbeanstalk.com")!));

        await rig.Call.CallAsync("SwapEnvironmentCNAMEs", ("SourceEnvironmentName", "web-blue"), ("DestinationEnvironmentName", "web-green"));

        Assert.Equal("web-next.ap-northeast-2.elasticbeanstalk.com", rig.Call.Text(await rig.EnvironmentAsync("web-blue"), "CNAME"));
        Assert.Equal("web-live.ap-northeast-2.elasticbeanstalk.com", rig.Call.Text(await rig.EnvironmentAsync("web-green"), "CNAME"));
        Assert.Equal("1.0.1", await EbRig.GetVersionAsync(client, rig.State.ResolveCname("web-live.ap-northeast-2.elasticbeanstalk.com")!));
        var events = await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-green"), ("MaxRecords", "1"));
        Assert.Equal("Completed swapping CNAMEs for environments 'web-blue' and 'web-green'.", rig.Call.Text(events, "Events/member/Message"));
    }

    [Fact]
    public async Task TerminateEnvironment_stops_instances_and_deletes_the_alb_and_security_groups()
    {
        await using var rig = new EbRig();
        var id = await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        var resources = await rig.Call.CallAsync("DescribeEnvironmentResources", ("EnvironmentId", id));
        var alb = rig.Call.Text(resources, "EnvironmentResources/LoadBalancers/member/Name")!;
        var instances = rig.Call.Members(resources, "EnvironmentResources/Instances").Select(i => rig.Call.Text(i, "Id")!).ToList();
        var endpoints = instances.Select(i => rig.World.Shared(() => new Ebops.Sandbox.Aws.DataPlane.InstanceRegistry()).EndpointOf(i)!).ToList();
        var albEndpoint = rig.ElbHandler.State.FindEndpoint(alb, 80)!;
        var groups = rig.State.SecurityGroupsInUse().Select(g => g.GroupId).ToList();
        Assert.Single(groups);
        Assert.True(rig.World.Network.SecurityGroupExists(groups[0]));

        var terminated = await rig.Call.CallAsync("TerminateEnvironment", ("EnvironmentId", id));
        Assert.Equal("Terminating", rig.Call.Text(terminated, "Status"));

        foreach (var endpoint in endpoints.Append(albEndpoint))
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var error = await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(endpoint, TestContext.Current.CancellationToken));
            Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        }

        Assert.False(rig.World.Network.SecurityGroupExists(groups[0]));
        Assert.Equal("LoadBalancerNotFound", (await rig.Elb.FailAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", alb))).Code);
        Assert.Equal(("Terminating", "Grey"), ((await rig.StatusAsync("web-blue")).Status, (await rig.StatusAsync("web-blue")).Health));
        await rig.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Equal("Terminated", (await rig.StatusAsync("web-blue")).Status);
        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments", ("EnvironmentIds.member.1", id), ("IncludeDeleted", "false")), "Environments"));
        rig.Time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments", ("EnvironmentIds.member.1", id)), "Environments"));

        // The name is free again once the environment is terminated.
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
    }
}
