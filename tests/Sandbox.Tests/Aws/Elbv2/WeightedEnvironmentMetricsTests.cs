using System.Globalization;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

/// <summary>
/// What a weighted release compares: each environment's DescribeEnvironmentHealth ApplicationMetrics come from its own
/// ALB, so behind an NLB at green 25 / blue 75 green's figures hold only green's share; Latency percentiles are those of
/// the responses in EB's window (10 s, scaled; sampled by the health monitor, so 10 to 20 s), not a mean.
/// </summary>
public sealed class WeightedEnvironmentMetricsTests
{
    [Fact]
    public async Task Each_environment_reports_its_share_of_a_weighted_split_and_the_percentiles_of_its_window()
    {
        await using var rig = new EbRig();
        var blueAlb = await EnvironmentFront.AlbOfAsync(rig, await rig.LaunchAsync("web", "web-blue", "1.0.0"));
        var greenAlb = await EnvironmentFront.AlbOfAsync(rig, await rig.LaunchAsync("web", "web-green", "1.0.1"));
        var (nlb, blueTg, greenTg, listener) = await EnvironmentFront.CreateAsync(rig, blueAlb, greenAlb);
        await rig.Elb.CallAsync(
            "ModifyListener",
            ("ListenerArn", listener),
            ("DefaultActions.member.1.Type", "forward"),
            ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn", greenTg),
            ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight", "25"),
            ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn", blueTg),
            ("DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight", "75"));
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        var endpoint = rig.ElbHandler.State.FindEndpoint(nlb, 80)!;

        using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
        for (var i = 0; i < 800; i++)
        {
            await EbRig.GetVersionAsync(fresh, endpoint);
        }

        var (green, blue) = (await MetricsAsync(rig, "web-green"), await MetricsAsync(rig, "web-blue"));
        var greenShare = 100.0 * green.Requests / (green.Requests + blue.Requests);
        TestContext.Current.TestOutputHelper?.WriteLine($"800 new connections at green 25 / blue 75: green {green.Requests} requests ({greenShare:F1}%), blue {blue.Requests}; window {green.Duration} s");

        // The ALBs also count the NLB's health checks of the alb-type groups (one per group per 10 s).
        Assert.InRange(green.Requests + blue.Requests, 800, 806);
        Assert.InRange(greenShare, 20, 30);
        Assert.Equal((green.Requests, blue.Requests), (green.Status2xx, blue.Status2xx));
        Assert.InRange(green.Duration, 10, 20);

        // Responses on green's ALB: 100 of 3 s, then (after the monitor's next two samples) 990 of 10 ms and 10 of 2 s.
        var counters = rig.ElbHandler.State.AlbCounters(greenAlb, 80)!;
        Record(counters, 100, TimeSpan.FromSeconds(3));
        await rig.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10));
        Record(counters, 990, TimeSpan.FromMilliseconds(10));
        Record(counters, 10, TimeSpan.FromSeconds(2));

        green = await MetricsAsync(rig, "web-green");
        Assert.InRange(green.Requests, 1000, 1004);
        Assert.Equal(("0.010", "0.010", "0.010"), (green.Latency["P10"], green.Latency["P50"], green.Latency["P99"]));
        Assert.InRange(double.Parse(green.Latency["P999"], CultureInfo.InvariantCulture), 2.0, 2.04);
        blue = await MetricsAsync(rig, "web-blue");
        Assert.Equal("0.000", blue.Latency["P99"]);
    }

    private static void Record(Ebops.Sandbox.Aws.DataPlane.ProxyCounters counters, int count, TimeSpan latency)
    {
        for (var i = 0; i < count; i++)
        {
            counters.Record(200, latency, fromLoadBalancer: false);
        }
    }

    private static async Task<(long Requests, long Status2xx, int Duration, Dictionary<string, string> Latency)> MetricsAsync(EbRig rig, string environment)
    {
        var result = await rig.Call.CallAsync("DescribeEnvironmentHealth", ("EnvironmentName", environment), ("AttributeNames.member.1", "ApplicationMetrics"));
        var metrics = result.Descendants().Single(e => e.Name.LocalName == "ApplicationMetrics");
        string Value(string name) => metrics.Descendants().Single(e => e.Name.LocalName == name).Value;
        var latency = metrics.Descendants().SingleOrDefault(e => e.Name.LocalName == "Latency")?.Elements()
            .ToDictionary(e => e.Name.LocalName, e => double.Parse(e.Value, CultureInfo.InvariantCulture).ToString("F3", CultureInfo.InvariantCulture)) ?? [];
        return (long.Parse(Value("RequestCount"), CultureInfo.InvariantCulture), long.Parse(Value("Status2xx"), CultureInfo.InvariantCulture),
            int.Parse(Value("Duration"), CultureInfo.InvariantCulture), latency);
    }
}
