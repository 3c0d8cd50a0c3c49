using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

public sealed class TargetGroupTests
{
    [Fact]
    public async Task CreateTargetGroup_applies_aws_defaults_per_type()
    {
        await using var rig = new Elbv2Rig();
        var http = await rig.Call.CallAsync("CreateTargetGroup", ("Name", "web"), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId));
        Assert.Equal(
            ("instance", "HTTP", "/", "30", "5", "5", "2", "200", "traffic-port"),
            (rig.Call.Text(http, "TargetGroups/member/TargetType"), rig.Call.Text(http, "TargetGroups/member/HealthCheckProtocol"), rig.Call.Text(http, "TargetGroups/member/HealthCheckPath"),
             rig.Call.Text(http, "TargetGroups/member/HealthCheckIntervalSeconds"), rig.Call.Text(http, "TargetGroups/member/HealthCheckTimeoutSeconds"), rig.Call.Text(http, "TargetGroups/member/HealthyThresholdCount"),
             rig.Call.Text(http, "TargetGroups/member/UnhealthyThresholdCount"), rig.Call.Text(http, "TargetGroups/member/Matcher/HttpCode"), rig.Call.Text(http, "TargetGroups/member/HealthCheckPort")));

        var alb = await rig.Call.CallAsync("CreateTargetGroup", ("Name", "to-alb"), ("TargetType", "alb"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId));
        Assert.Equal(("HTTP", "/", "200-399"), (rig.Call.Text(alb, "TargetGroups/member/HealthCheckProtocol"), rig.Call.Text(alb, "TargetGroups/member/HealthCheckPath"), rig.Call.Text(alb, "TargetGroups/member/Matcher/HttpCode")));

        var tcp = await rig.Call.CallAsync("CreateTargetGroup", ("Name", "tcp"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId));
        Assert.Equal(("TCP", null, null), (rig.Call.Text(tcp, "TargetGroups/member/HealthCheckProtocol"), rig.Call.Text(tcp, "TargetGroups/member/HealthCheckPath"), rig.Call.Text(tcp, "TargetGroups/member/Matcher/HttpCode")));
    }

    [Theory]
    [InlineData("ValidationError", "alb", "HTTP", "5", "30")]
    [InlineData("ValidationError", "instance", "HTTP", "30", "30")]
    [InlineData("ValidationError", "lambda", "HTTP", "5", "30")]
    public async Task CreateTargetGroup_rejects_invalid_settings(string code, string type, string protocol, string timeout, string interval)
    {
        await using var rig = new Elbv2Rig();
        var error = await rig.Call.FailAsync(
            "CreateTargetGroup",
            ("Name", "tg"),
            ("TargetType", type),
            ("Protocol", protocol),
            ("Port", "80"),
            ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId),
            ("HealthCheckTimeoutSeconds", timeout),
            ("HealthCheckIntervalSeconds", interval));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task Duplicate_name_with_other_settings_is_DuplicateTargetGroupName()
    {
        await using var rig = new Elbv2Rig();
        var arn = await rig.CreateTargetGroupAsync("tg", "instance", "HTTP");
        Assert.Equal(arn, await rig.CreateTargetGroupAsync("tg", "instance", "HTTP"));
        Assert.Equal("DuplicateTargetGroupName", (await rig.Call.FailAsync("CreateTargetGroup", ("Name", "tg"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId))).Code);
    }

    /// <summary>
    /// API reference, CreateTargetGroup: "This operation is idempotent ... If you attempt to create multiple target
    /// groups with the same settings, each call succeeds". The settings are every member after AWS's defaults, health
    /// check included; defaults written out are the same settings as defaults left out.
    /// </summary>
    [Fact]
    public async Task CreateTargetGroup_is_idempotent_only_for_every_setting_the_same()
    {
        await using var rig = new Elbv2Rig();
        var arn = await rig.CreateTargetGroupAsync("web", "instance", "HTTP", ("HealthCheckPath", "/health"));
        Assert.Equal(arn, await rig.CreateTargetGroupAsync("web", "instance", "HTTP", ("HealthCheckPath", "/health"), ("HealthCheckIntervalSeconds", "30"), ("Matcher.HttpCode", "200")));

        Assert.Equal("DuplicateTargetGroupName", (await rig.Call.FailAsync("CreateTargetGroup", ("Name", "web"), ("TargetType", "instance"), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId))).Code);
        Assert.Equal("DuplicateTargetGroupName", (await rig.Call.FailAsync("CreateTargetGroup", ("Name", "web"), ("TargetType", "instance"), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", Ebops.Sandbox.Aws.Core.SandboxNetwork.VpcId), ("HealthCheckPath", "/health"), ("HealthyThresholdCount", "3"))).Code);
        var described = await rig.Call.CallAsync("DescribeTargetGroups", ("Names.member.1", "web"));
        Assert.Equal([arn], rig.Call.Members(described, "TargetGroups").Select(m => rig.Call.Text(m, "TargetGroupArn")));
    }

    [Fact]
    public async Task Targets_go_initial_then_healthy_from_real_checks_and_draining_after_deregistration()
    {
        await using var rig = new Elbv2Rig();
        var (_, group) = await rig.AlbStackAsync("blue", "1.0.0");

        Assert.All(await rig.HealthAsync(group), h => Assert.Equal(("initial", "Elb.RegistrationInProgress"), (h.State, h.Reason)));
        await rig.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.All(await rig.HealthAsync(group), h => Assert.Equal(("healthy", null), (h.State, h.Reason)));
        Assert.All(rig.Instances.All, i => Assert.True(i.RequestCount >= 2));

        await rig.Call.CallAsync("DeregisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", "i-blue0"));
        var health = await rig.HealthAsync(group);
        Assert.Contains(("i-blue0", "draining", "Target.DeregistrationInProgress"), health);

        await rig.AdvanceAsync(TimeSpan.FromSeconds(300));
        Assert.Equal(["i-blue1"], (await rig.HealthAsync(group)).Select(h => h.Id));
        var one = await rig.Call.CallAsync("DescribeTargetHealth", ("TargetGroupArn", group), ("Targets.member.1.Id", "i-blue0"));
        Assert.Equal(("unused", "Target.NotRegistered"), (rig.Call.Text(one, "TargetHealthDescriptions/member/TargetHealth/State"), rig.Call.Text(one, "TargetHealthDescriptions/member/TargetHealth/Reason")));
    }

    [Fact]
    public async Task Broken_instance_is_unhealthy_with_ResponseCodeMismatch()
    {
        await using var rig = new Elbv2Rig();
        var alb = await rig.CreateAlbAsync("alb");
        var group = await rig.CreateTargetGroupAsync("tg", "instance", "HTTP", ("HealthCheckIntervalSeconds", "10"));
        rig.Instance("i-bad", "1.0.0", () => InstanceBehavior.Http500);
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", "i-bad"));
        await rig.CreateListenerAsync(alb, "HTTP", group);

        await rig.AdvanceAsync(TimeSpan.FromSeconds(20));

        var result = await rig.Call.CallAsync("DescribeTargetHealth", ("TargetGroupArn", group));
        Assert.Equal(
            ("unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [500]"),
            (rig.Call.Text(result, "TargetHealthDescriptions/member/TargetHealth/State"), rig.Call.Text(result, "TargetHealthDescriptions/member/TargetHealth/Reason"), rig.Call.Text(result, "TargetHealthDescriptions/member/TargetHealth/Description")));
    }

    [Fact]
    public async Task Targets_of_a_group_without_listener_are_unused_and_unknown_instances_are_rejected()
    {
        await using var rig = new Elbv2Rig();
        var group = await rig.CreateTargetGroupAsync("tg", "instance", "HTTP");
        rig.Instance("i-1", "1.0.0");
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", "i-1"));

        Assert.Equal([("i-1", "unused", "Target.NotInUse")], await rig.HealthAsync(group));
        Assert.Equal("InvalidTarget", (await rig.Call.FailAsync("RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", "i-nope"))).Code);
        Assert.Equal("TargetGroupNotFound", (await rig.Call.FailAsync("RegisterTargets", ("TargetGroupArn", group + "0"), ("Targets.member.1.Id", "i-1"))).Code);
    }

    [Fact]
    public async Task Alb_type_group_takes_one_alb_and_an_alb_is_the_target_of_at_most_two_groups()
    {
        await using var rig = new Elbv2Rig();
        var (blue, _) = await rig.AlbStackAsync("blue", "1.0.0");
        var (green, _) = await rig.AlbStackAsync("green", "1.0.1");
        var first = await rig.CreateTargetGroupAsync("first", "alb", "TCP");
        var second = await rig.CreateTargetGroupAsync("second", "alb", "TCP");
        var third = await rig.CreateTargetGroupAsync("third", "alb", "TCP");

        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", first), ("Targets.member.1.Id", blue));
        Assert.Equal("TooManyTargets", (await rig.Call.FailAsync("RegisterTargets", ("TargetGroupArn", first), ("Targets.member.1.Id", green))).Code);
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", second), ("Targets.member.1.Id", blue));
        Assert.Equal("TooManyRegistrationsForTargetId", (await rig.Call.FailAsync("RegisterTargets", ("TargetGroupArn", third), ("Targets.member.1.Id", blue))).Code);
        Assert.Equal("InvalidTarget", (await rig.Call.FailAsync("RegisterTargets", ("TargetGroupArn", third), ("Targets.member.1.Id", blue), ("Targets.member.1.Port", "8080"))).Code);
    }

    [Fact]
    public async Task ModifyTargetGroup_changes_the_health_check_the_data_plane_runs()
    {
        await using var rig = new Elbv2Rig();
        var (_, group) = await rig.AlbStackAsync("blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(20));

        var modified = await rig.Call.CallAsync("ModifyTargetGroup", ("TargetGroupArn", group), ("Matcher.HttpCode", "204"), ("UnhealthyThresholdCount", "2"));
        Assert.Equal("204", rig.Call.Text(modified, "TargetGroups/member/Matcher/HttpCode"));
        await rig.AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.All(await rig.HealthAsync(group), h => Assert.Equal(("unhealthy", "Target.ResponseCodeMismatch"), (h.State, h.Reason)));
    }
}
