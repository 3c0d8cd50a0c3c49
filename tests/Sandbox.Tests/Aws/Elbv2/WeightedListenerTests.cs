using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

/// <summary>
/// NLB weighted target groups through the API (NLB user guide, "Listeners for your Network Load Balancers", Default
/// actions): ModifyListener with <c>DefaultActions.member.1.ForwardConfig.TargetGroups.member.N.{TargetGroupArn,Weight}</c>,
/// echoed by DescribeListeners, with alb-type target groups (what ebops puts behind its NLB).
/// </summary>
public sealed class WeightedListenerTests
{
    [Fact]
    public async Task ModifyListener_from_single_to_weighted_and_back_is_echoed_and_splits_new_connections()
    {
        await using var rig = new Elbv2Rig();
        var (nlb, blueTg, greenTg, listener) = await rig.FrontAsync();
        var endpoint = rig.State.FindEndpoint(nlb, 80)!;

        var single = Action(await Describe(rig, listener));
        Assert.Equal(blueTg, rig.Call.Text(single, "TargetGroupArn"));
        Assert.Equal([(blueTg, "1")], Groups(rig, single));
        Assert.Equal("false", rig.Call.Text(single, "ForwardConfig/TargetGroupStickinessConfig/Enabled"));

        // What the operator sends for a step: green w, blue 100 - w.
        var modified = await rig.Call.CallAsync("ModifyListener", [("ListenerArn", listener), .. Weighted(greenTg, 25, blueTg, 75)]);
        var weighted = Action(modified);
        Assert.Null(rig.Call.Text(weighted, "TargetGroupArn"));
        Assert.Equal([(greenTg, "25"), (blueTg, "75")], Groups(rig, weighted));
        Assert.Equal(Groups(rig, weighted), Groups(rig, Action(await Describe(rig, listener))));
        Assert.Equal(endpoint, rig.State.FindEndpoint(nlb, 80));

        // Both groups are in use (checked), and the NLB owns both.
        await rig.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("healthy", (await rig.HealthAsync(greenTg)).Single().State);
        Assert.Equal("healthy", (await rig.HealthAsync(blueTg)).Single().State);
        var owned = await rig.Call.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", nlb));
        Assert.Equal(new[] { blueTg, greenTg }.Order(StringComparer.Ordinal), rig.Call.Members(owned, "TargetGroups").Select(g => rig.Call.Text(g, "TargetGroupArn")!).Order(StringComparer.Ordinal));

        var versions = await VersionsAsync(endpoint, 400);
        var green = 100.0 * versions.GetValueOrDefault("1.0.1") / 400;
        TestContext.Current.TestOutputHelper?.WriteLine($"green 25 / blue 75 through ModifyListener: green answered {green:F1}% of 400 new connections");
        Assert.InRange(green, 18, 32);

        var back = Action(await rig.Call.CallAsync(
            "ModifyListener", ("ListenerArn", listener), ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", greenTg)));
        Assert.Equal(greenTg, rig.Call.Text(back, "TargetGroupArn"));
        Assert.Equal([(greenTg, "1")], Groups(rig, back));
        Assert.Equal(new Dictionary<string, int> { ["1.0.1"] = 50 }, await VersionsAsync(endpoint, 50));
    }

    [Fact]
    public async Task A_one_group_forward_config_equals_its_target_group_arn_and_stickiness_is_echoed()
    {
        await using var rig = new Elbv2Rig();
        var (nlb, blueTg, greenTg, listener) = await rig.FrontAsync();

        // API reference, Action.ForwardConfig: with both, ForwardConfig holds exactly the TargetGroupArn's group.
        Assert.Equal(listener, rig.Call.Text(await rig.Call.CallAsync(
            "CreateListener",
            ("LoadBalancerArn", nlb),
            ("Protocol", "TCP"),
            ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"),
            ("DefaultActions.member.1.TargetGroupArn", blueTg),
            ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn", blueTg)), "Listeners/member/ListenerArn"));

        var sticky = Action(await rig.Call.CallAsync("ModifyListener", [
            ("ListenerArn", listener),
            .. Weighted(greenTg, 0, blueTg, 100),
            ("DefaultActions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled", "true"),
            ("DefaultActions.member.1.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", "3600")]));
        Assert.Equal(("true", "3600"), (rig.Call.Text(sticky, "ForwardConfig/TargetGroupStickinessConfig/Enabled"), rig.Call.Text(sticky, "ForwardConfig/TargetGroupStickinessConfig/DurationSeconds")));
        Assert.Equal([(greenTg, "0"), (blueTg, "100")], Groups(rig, sticky));
        Assert.Equal(new Dictionary<string, int> { ["1.0.0"] = 20 }, await VersionsAsync(rig.State.FindEndpoint(nlb, 80)!, 20));
    }

    [Fact]
    public async Task An_alb_listener_splits_requests_between_weighted_instance_groups()
    {
        await using var rig = new Elbv2Rig();
        var (alb, blueGroup) = await rig.AlbStackAsync("blue", "1.0.0");
        var greenGroup = await rig.CreateTargetGroupAsync("green-tg", "instance", "HTTP", ("HealthCheckPath", "/health"), ("HealthyThresholdCount", "2"), ("HealthCheckIntervalSeconds", "10"));
        await rig.Call.CallAsync("RegisterTargets", ("TargetGroupArn", greenGroup), ("Targets.member.1.Id", rig.Instance("i-green0", "1.0.1").InstanceId));
        var listener = rig.Call.Text(Assert.Single(rig.Call.Members(await rig.Call.CallAsync("DescribeListeners", ("LoadBalancerArn", alb)), "Listeners")), "ListenerArn")!;
        await rig.Call.CallAsync("ModifyListener", [("ListenerArn", listener), .. Weighted(greenGroup, 1, blueGroup, 1)]);
        await rig.AdvanceAsync(TimeSpan.FromSeconds(30));

        using var keptAlive = new HttpClient();
        var versions = new Dictionary<string, int>();
        for (var i = 0; i < 200; i++)
        {
            var version = await VersionAsync(keptAlive, rig.State.FindEndpoint(alb, 80)!);
            versions[version] = versions.GetValueOrDefault(version) + 1;
        }

        // Per request, even on one kept-alive connection: 200 draws at 50 %, standard deviation 3.5 points.
        Assert.InRange(100.0 * versions.GetValueOrDefault("1.0.1") / 200, 35, 65);
    }

    private static IEnumerable<(string, string)> Weighted(string first, int firstWeight, string second, int secondWeight) =>
    [
        ("DefaultActions.member.1.Type", "forward"),
        ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn", first),
        ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight", firstWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn", second),
        ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight", secondWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static Task<XElement> Describe(Elbv2Rig rig, string listener) => rig.Call.CallAsync("DescribeListeners", ("ListenerArns.member.1", listener));

    private static XElement Action(XElement result) => result.Descendants().First(e => e.Name.LocalName == "DefaultActions").Elements().Single();

    private static (string, string)[] Groups(Elbv2Rig rig, XElement action)
        => [.. rig.Call.Members(action, "ForwardConfig/TargetGroups").Select(g => (rig.Call.Text(g, "TargetGroupArn")!, rig.Call.Text(g, "Weight")!))];

    /// <summary>Versions answering <paramref name="count"/> requests, each on a new connection.</summary>
    private static async Task<Dictionary<string, int>> VersionsAsync(IPEndPoint endpoint, int count)
    {
        using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
        var versions = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var version = await VersionAsync(fresh, endpoint);
            versions[version] = versions.GetValueOrDefault(version) + 1;
        }

        return versions;
    }

    private static async Task<string> VersionAsync(HttpClient client, IPEndPoint endpoint)
    {
        var body = await client.GetStringAsync(new Uri($"http://{endpoint}/"), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("version").GetString()!;
    }
}
