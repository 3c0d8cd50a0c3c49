using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Tests.Resources.Elbv2;

public sealed class ListenerForwardTests
{
    private const string Blue = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/app-blue/0123456789abcdef";
    private const string Green = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/app-green/fedcba9876543210";

    private static ListenerForward Of(params (string Arn, int Weight)[] groups) => new([.. groups.Select(g => new WeightedTargetGroup(g.Arn, g.Weight))]);

    /// <summary>"blue" (a single forward) or "blue:95 green:5" (weighted).</summary>
    private static ListenerForward Parse(string text) => text.Contains(':', StringComparison.Ordinal)
        ? Of([.. text.Split(' ').Select(p => p.Split(':')).Select(p => (p[0] == "blue" ? Blue : Green, int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))])
        : ListenerForward.To(text == "blue" ? Blue : Green);

    [Theory]
    [InlineData("blue", "blue:1", true)]
    [InlineData("blue", "blue:100 green:0", true)]
    [InlineData("blue:95 green:5", "green:1 blue:19", true)]
    [InlineData("blue:50 green:50", "blue:1 green:1", true)]
    [InlineData("blue:95 green:5", "blue:90 green:10", false)]
    [InlineData("blue", "green", false)]
    [InlineData("green", "blue:0 green:999", true)]
    public void Forwards_compare_by_the_share_each_group_receives(string first, string second, bool same)
    {
        var (a, b) = (Parse(first), Parse(second));

        Assert.Equal(same, a.SameTrafficAs(b));
        Assert.Equal(same, b.SameTrafficAs(a));
        Assert.Equal(same, a.Matches(b.TagValue));
    }

    [Theory]
    [InlineData("app-blue=1", true)]
    [InlineData("app-blue=95 app-green=5", false)]
    [InlineData("app-green=1", false)]
    [InlineData("", false)]
    [InlineData("app-blue", false)]
    [InlineData("app-blue=x", false)]
    public void The_forward_record_matches_only_the_same_traffic(string tag, bool matches) =>
        Assert.Equal(matches, ListenerForward.To(Blue).Matches(tag));

    [Fact]
    public void Shares_heaviest_and_record_of_a_weighted_forward()
    {
        var forward = Of((Blue, 75), (Green, 25));

        Assert.Equal((75, 25, 0), (forward.PercentOf(Blue), forward.PercentOf(Green), forward.PercentOf("other")));
        Assert.Equal(Blue, forward.Heaviest);
        Assert.Equal("app-blue=75 app-green=25", forward.TagValue);
        Assert.Equal([("app-blue", 75), ("app-green", 25)], ListenerForward.Parse(forward.TagValue));
        Assert.Equal(Green, Of((Blue, 0), (Green, 1)).Heaviest);
        Assert.Null(Of((Blue, 0)).Heaviest);
        Assert.Equal(Blue, Of((Blue, 5), (Green, 5)).Heaviest);
    }

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/app-blue/0123", "app-blue", "ap-northeast-2", "123456789012")]
    [InlineData("arn:aws-cn:elasticloadbalancing:cn-north-1:210987654321:loadbalancer/net/web/0123", "arn:aws-cn:elasticloadbalancing:cn-north-1:210987654321:loadbalancer/net/web/0123", "cn-north-1", "210987654321")]
    [InlineData("not-an-arn", "not-an-arn", null, null)]
    public void Arn_parts(string arn, string groupName, string? region, string? account)
    {
        Assert.Equal(groupName, Elbv2Arns.TargetGroupName(arn));
        Assert.Equal(region, Elbv2Arns.Region(arn));
        Assert.Equal(account, Elbv2Arns.Account(arn));
    }

    [Fact]
    public void Short_names_are_readable_as_they_are()
    {
        var owner = new Ebops.Operator.Resources.ResourceOwner("ebops", "NlbFrontend", "default", "web", "uid");

        Assert.Equal("ebops-default-web", Elbv2Names.LoadBalancer(owner));
        Assert.Equal("ebops-default-web-green", Elbv2Names.TargetGroup(owner, "green"));
    }

    [Fact]
    public void Long_names_fit_32_characters_stay_distinct_and_keep_the_colour()
    {
        var owner = new Ebops.Operator.Resources.ResourceOwner("ebops", "NlbFrontend", "a-very-long-namespace-name", "frontend-for-the-shop", "uid");
        var sibling = owner with { Name = "frontend-for-the-shop-2" };

        foreach (var name in new[] { Elbv2Names.LoadBalancer(owner), Elbv2Names.TargetGroup(owner, "green"), Elbv2Names.TargetGroup(owner, "blue") })
        {
            Assert.InRange(name.Length, 1, 32);
            Assert.Matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", name);
            Assert.StartsWith("ebops-a-very-long", name, StringComparison.Ordinal);
        }

        Assert.EndsWith("-green", Elbv2Names.TargetGroup(owner, "green"), StringComparison.Ordinal);
        Assert.NotEqual(Elbv2Names.LoadBalancer(owner), Elbv2Names.LoadBalancer(sibling));
        Assert.NotEqual(Elbv2Names.TargetGroup(owner, "blue"), Elbv2Names.TargetGroup(sibling, "blue"));
        Assert.Equal(Elbv2Names.LoadBalancer(owner), Elbv2Names.LoadBalancer(owner with { Uid = "another-uid" }));
    }
}
