namespace Ebops.Sandbox.Tests.Aws.Elbv2;

/// <summary>
/// <c>deregistration_delay.connection_termination.enabled</c> as the ELBv2 API reference describes it: a Network Load
/// Balancer target group attribute, true or false, false by default (true for new UDP and TCP_UDP groups); when true the load balancer terminates the
/// connections still open to a deregistered target at the end of the deregistration timeout.
/// </summary>
public sealed class ConnectionTerminationTests
{
    private const string Key = "deregistration_delay.connection_termination.enabled";

    [Fact]
    public async Task Nlb_target_groups_have_it_false_by_default_alb_target_groups_do_not_know_it()
    {
        await using var rig = new Elbv2Rig();
        var nlbGroup = await rig.CreateTargetGroupAsync("to-alb", "alb", "TCP");
        var httpGroup = await rig.CreateTargetGroupAsync("web", "instance", "HTTP");

        Assert.Equal("false", await AttributeAsync(rig, nlbGroup));
        var modified = await rig.Call.CallAsync("ModifyTargetGroupAttributes", ("TargetGroupArn", nlbGroup), ("Attributes.member.1.Key", Key), ("Attributes.member.1.Value", "true"));
        Assert.Contains(rig.Call.Members(modified, "Attributes"), m => rig.Call.Text(m, "Key") == Key && rig.Call.Text(m, "Value") == "true");
        Assert.Equal("true", await AttributeAsync(rig, nlbGroup));

        Assert.Null(await AttributeAsync(rig, httpGroup));
        var unknown = await rig.Call.FailAsync("ModifyTargetGroupAttributes", ("TargetGroupArn", httpGroup), ("Attributes.member.1.Key", Key), ("Attributes.member.1.Value", "true"));
        Assert.Equal("ValidationError", unknown.Code);
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("TCP_UDP")]
    public async Task Udp_target_groups_have_it_true_by_default(string protocol)
    {
        await using var rig = new Elbv2Rig();
        var group = await rig.CreateTargetGroupAsync("dns", "instance", protocol);
        Assert.Equal("true", await AttributeAsync(rig, group));
    }

    [Fact]
    public async Task A_value_other_than_true_or_false_is_a_validation_error()
    {
        await using var rig = new Elbv2Rig();
        var group = await rig.CreateTargetGroupAsync("to-alb", "alb", "TCP");
        var error = await rig.Call.FailAsync("ModifyTargetGroupAttributes", ("TargetGroupArn", group), ("Attributes.member.1.Key", Key), ("Attributes.member.1.Value", "yes"));
        Assert.Equal("ValidationError", error.Code);
        Assert.Equal("false", await AttributeAsync(rig, group));
    }

    private static async Task<string?> AttributeAsync(Elbv2Rig rig, string group)
    {
        var described = await rig.Call.CallAsync("DescribeTargetGroupAttributes", ("TargetGroupArn", group));
        return rig.Call.Members(described, "Attributes").Where(m => rig.Call.Text(m, "Key") == Key).Select(m => rig.Call.Text(m, "Value")).FirstOrDefault();
    }
}
