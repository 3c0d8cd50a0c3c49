using System.Globalization;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

/// <summary>
/// What ELBv2 refuses in a forward action, one case per row (API reference: Action, ForwardActionConfig,
/// TargetGroupTuple, TargetGroupStickinessConfig; NLB user guide, Default actions and their considerations). A refused
/// call changes nothing: the listener still forwards to blue alone.
/// </summary>
public sealed class WeightedListenerValidationTests
{
    [Theory]
    [InlineData("weight above 999", "ValidationError", "forwardConfig.targetGroups.1.member.weight")]
    [InlineData("negative weight", "ValidationError", "forwardConfig.targetGroups.2.member.weight")]
    [InlineData("two groups, one without weight", "ValidationError", "A weight must be specified")]
    [InlineData("six groups", "ValidationError", "more than 5 target groups")]
    [InlineData("the same group twice", "ValidationError", "more than once")]
    [InlineData("TargetGroupArn and two groups in ForwardConfig", "ValidationError", "TargetGroupArn")]
    [InlineData("TargetGroupArn and another group in ForwardConfig", "ValidationError", "TargetGroupArn")]
    [InlineData("neither TargetGroupArn nor ForwardConfig", "ValidationError", "target group ARN must be specified")]
    [InlineData("stickiness without duration", "ValidationError", "stickiness duration")]
    [InlineData("stickiness over 7 days", "ValidationError", "stickiness duration")]
    [InlineData("unknown group", "TargetGroupNotFound", "not found")]
    [InlineData("HTTP group on a TCP listener", "IncompatibleProtocols", "protocol 'HTTP'")]
    [InlineData("UDP group on a TCP listener", "IncompatibleProtocols", "protocol 'UDP'")]
    [InlineData("group in another VPC", "ValidationError", "same VPC")]
    [InlineData("group of another load balancer", "TargetGroupAssociationLimit", "more than one load balancer")]
    [InlineData("group with stickiness on, forward without", "ValidationError", "stickiness enabled")]
    [InlineData("TLS listener with TCP and TLS groups", "ValidationError", "same protocol")]
    [InlineData("TLS listener with stickiness", "ValidationError", "not supported for TLS listeners")]
    public async Task A_forward_aws_refuses_is_refused_with_the_same_code_and_changes_nothing(string refusal, string code, string message)
    {
        await using var rig = new Elbv2Rig();
        var (nlb, blueTg, greenTg, listener) = await rig.FrontAsync();
        var (action, parameters) = await CaseAsync(rig, refusal, nlb, blueTg, greenTg, listener);

        var error = await rig.Call.FailAsync(action, parameters);

        Assert.Equal((code, 400), (error.Code, error.StatusCode));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var listeners = await rig.Call.CallAsync("DescribeListeners", ("LoadBalancerArn", nlb));
        var only = Assert.Single(rig.Call.Members(listeners, "Listeners"));
        Assert.Equal(blueTg, rig.Call.Text(only, "DefaultActions/member/TargetGroupArn"));
    }

    private static async Task<(string Action, (string, string)[] Parameters)> CaseAsync(Elbv2Rig rig, string refusal, string nlb, string blue, string green, string listener)
    {
        (string, string)[] Modify(params (string, string)[] action) => [("ListenerArn", listener), ("DefaultActions.member.1.Type", "forward"), .. action];
        (string, string)[] Groups(params (string Arn, int? Weight)[] groups) =>
        [
            .. groups.SelectMany((g, i) => new[] { ($"DefaultActions.member.1.ForwardConfig.TargetGroups.member.{i + 1}.TargetGroupArn", g.Arn) }
                .Concat(g.Weight is { } w ? [($"DefaultActions.member.1.ForwardConfig.TargetGroups.member.{i + 1}.Weight", w.ToString(CultureInfo.InvariantCulture))] : [])),
        ];
        (string, string)[] Sticky(string? seconds) =>
        [
            ("DefaultActions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled", "true"),
            .. seconds is null ? Array.Empty<(string, string)>() : [("DefaultActions.member.1.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", seconds)],
        ];

        return refusal switch
        {
            "weight above 999" => ("ModifyListener", Modify(Groups((green, 1000), (blue, 0)))),
            "negative weight" => ("ModifyListener", Modify(Groups((green, 5), (blue, -1)))),
            "two groups, one without weight" => ("ModifyListener", Modify(Groups((green, 5), (blue, null)))),
            "six groups" => ("ModifyListener", Modify(Groups([(green, 1), (blue, 1), .. await ExtraGroupsAsync(rig, 4)]))),
            "the same group twice" => ("ModifyListener", Modify(Groups((green, 5), (green, 95)))),
            "TargetGroupArn and two groups in ForwardConfig" => ("ModifyListener", Modify([("DefaultActions.member.1.TargetGroupArn", green), .. Groups((green, 5), (blue, 95))])),
            "TargetGroupArn and another group in ForwardConfig" => ("ModifyListener", Modify([("DefaultActions.member.1.TargetGroupArn", green), .. Groups((blue, 1))])),
            "neither TargetGroupArn nor ForwardConfig" => ("ModifyListener", Modify()),
            "stickiness without duration" => ("ModifyListener", Modify([.. Groups((green, 5), (blue, 95)), .. Sticky(null)])),
            "stickiness over 7 days" => ("ModifyListener", Modify([.. Groups((green, 5), (blue, 95)), .. Sticky("604801")])),
            "unknown group" => ("ModifyListener", Modify(Groups((green, 5), (green.Replace("front-green", "front-gone", StringComparison.Ordinal), 95)))),
            "HTTP group on a TCP listener" => ("ModifyListener", Modify(Groups((green, 5), (await rig.CreateTargetGroupAsync("web-http", "instance", "HTTP"), 95)))),
            "UDP group on a TCP listener" => ("ModifyListener", Modify(Groups((green, 5), (await rig.CreateTargetGroupAsync("dns-udp", "instance", "UDP"), 95)))),
            "group in another VPC" => ("ModifyListener", Modify(Groups((green, 5), (await OtherVpcGroupAsync(rig), 95)))),
            "group of another load balancer" => ("ModifyListener", Modify(Groups((green, 5), (await GroupOfAnotherNlbAsync(rig), 95)))),
            "group with stickiness on, forward without" => ("ModifyListener", Modify(Groups((green, 5), (await StickyGroupAsync(rig), 95)))),
            "TLS listener with TCP and TLS groups" => ("CreateListener", Tls(nlb, Groups(
                (await rig.CreateTargetGroupAsync("tcp-tg", "instance", "TCP"), 5), (await rig.CreateTargetGroupAsync("tls-tg", "instance", "TLS"), 95)))),
            "TLS listener with stickiness" => ("CreateListener", Tls(nlb, [.. Groups(
                (await rig.CreateTargetGroupAsync("tcp-tg", "instance", "TCP"), 5), (await rig.CreateTargetGroupAsync("tcp-tg2", "instance", "TCP"), 95)), .. Sticky("60")])),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "no such case"),
        };
    }

    private static (string, string)[] Tls(string nlb, (string, string)[] groups) =>
    [
        ("LoadBalancerArn", nlb),
        ("Protocol", "TLS"),
        ("Port", "443"),
        ("Certificates.member.1.CertificateArn", "arn:aws:acm:ap-northeast-2:123456789012:certificate/0b7b2e8d-1f8c-4b1e-9a3e-2b1c0d3e4f5a"),
        ("DefaultActions.member.1.Type", "forward"),
        .. groups,
    ];

    private static async Task<IEnumerable<(string, int?)>> ExtraGroupsAsync(Elbv2Rig rig, int count)
    {
        var groups = new List<(string, int?)>();
        for (var i = 0; i < count; i++)
        {
            groups.Add((await rig.CreateTargetGroupAsync($"extra-{i}", "alb", "TCP"), 1));
        }

        return groups;
    }

    private static async Task<string> OtherVpcGroupAsync(Elbv2Rig rig)
    {
        var vpc = rig.Network.AddVpc("10.9.0.0/16", ("subnet-0other0000000001", "10.9.1.0/24", "ap-northeast-2a"));
        var result = await rig.Call.CallAsync("CreateTargetGroup", ("Name", "elsewhere"), ("TargetType", "instance"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", vpc));
        return rig.Call.Text(result, "TargetGroups/member/TargetGroupArn")!;
    }

    private static async Task<string> GroupOfAnotherNlbAsync(Elbv2Rig rig)
    {
        var other = await rig.CreateNlbAsync("other");
        var group = await rig.CreateTargetGroupAsync("other-tg", "instance", "TCP");
        await rig.CreateListenerAsync(other, "TCP", group);
        return group;
    }

    private static async Task<string> StickyGroupAsync(Elbv2Rig rig)
    {
        var group = await rig.CreateTargetGroupAsync("sticky-tg", "instance", "TCP");
        await rig.Call.CallAsync("ModifyTargetGroupAttributes", ("TargetGroupArn", group), ("Attributes.member.1.Key", "stickiness.enabled"), ("Attributes.member.1.Value", "true"));
        return group;
    }
}
