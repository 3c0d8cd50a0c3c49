using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// The NLB in front of two EB environments, built by hand as the operator will build it: one alb-type target group per
/// environment's ALB and a TCP:80 listener forwarding to blue.
/// </summary>
internal static class EnvironmentFront
{
    /// <summary>The environment's ALB ARN (EB names an ALB by its ARN in DescribeEnvironmentResources).</summary>
    public static async Task<string> AlbOfAsync(EbRig rig, string environmentId)
        => rig.Call.Text(await rig.Call.CallAsync("DescribeEnvironmentResources", ("EnvironmentId", environmentId)), "EnvironmentResources/LoadBalancers/member/Name")!;

    /// <summary>The NLB <c>web-front</c> in subnet A (on the Elastic IP <paramref name="allocationId"/> when given),
    /// groups <c>web-front-blue</c> and <c>web-front-green</c>, and the listener.</summary>
    public static async Task<(string Nlb, string BlueTg, string GreenTg, string Listener)> CreateAsync(EbRig rig, string blueAlb, string greenAlb,
        string? allocationId = null)
    {
        (string, string)[] placement = allocationId is null
            ? [("Subnets.member.1", SandboxNetwork.SubnetA)]
            : [("SubnetMappings.member.1.SubnetId", SandboxNetwork.SubnetA), ("SubnetMappings.member.1.AllocationId", allocationId)];
        var nlb = rig.Elb.Text(await rig.Elb.CallAsync(
            "CreateLoadBalancer", [("Name", "web-front"), ("Type", "network"), .. placement]), "LoadBalancers/member/LoadBalancerArn")!;
        var blueTg = await AlbTargetGroupAsync(rig, "web-front-blue", blueAlb);
        var greenTg = await AlbTargetGroupAsync(rig, "web-front-green", greenAlb);
        var listener = rig.Elb.Text(await rig.Elb.CallAsync(
            "CreateListener",
            ("LoadBalancerArn", nlb),
            ("Protocol", "TCP"),
            ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"),
            ("DefaultActions.member.1.TargetGroupArn", blueTg)), "Listeners/member/ListenerArn")!;
        return (nlb, blueTg, greenTg, listener);
    }

    private static async Task<string> AlbTargetGroupAsync(EbRig rig, string name, string alb)
    {
        var group = rig.Elb.Text(await rig.Elb.CallAsync(
            "CreateTargetGroup",
            ("Name", name),
            ("TargetType", "alb"),
            ("Protocol", "TCP"),
            ("Port", "80"),
            ("VpcId", SandboxNetwork.VpcId),
            ("HealthCheckIntervalSeconds", "10"),
            ("HealthyThresholdCount", "2")), "TargetGroups/member/TargetGroupArn")!;
        await rig.Elb.CallAsync("RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", alb));
        return group;
    }
}
