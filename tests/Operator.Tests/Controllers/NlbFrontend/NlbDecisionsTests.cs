using Ebops.Operator.Controllers.NlbFrontend;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>The controller's pure decisions, as tables.</summary>
public sealed class NlbDecisionsTests
{
    private const string Alb = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/awseb-1/1";
    private const string Blue = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/web-blue/1";
    private const string Green = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/web-green/2";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, 300, 300, ReadMode.Cached)]
    [InlineData(true, 600, 300, ReadMode.Cached)]
    [InlineData(true, 60, 300, ReadMode.Recent)]
    [InlineData(false, 300, 300, ReadMode.Recent)]
    public void Only_steady_objects_polled_no_faster_than_the_snapshots_read_from_them(bool steady, int pollSeconds, int snapshotSeconds, ReadMode mode) =>
        Assert.Equal(mode, NlbDecisions.ReadModeFor(steady, TimeSpan.FromSeconds(pollSeconds), TimeSpan.FromSeconds(snapshotSeconds)));

    [Theory]
    [InlineData(1, 1, "True", "True", true)]
    [InlineData(2, 1, "True", "True", false)]
    [InlineData(1, 1, "False", "True", false)]
    [InlineData(1, 1, "True", "False", false)]
    public void Steady_means_this_generation_reconciled_Ready_and_Synced(long generation, long observed, string ready, string synced, bool steady)
    {
        var entity = new Ebops.Operator.Entities.NlbFrontend { Metadata = new() { Name = "web", Generation = generation }, Status = new() { ObservedGeneration = observed } };
        Conditions.Set(entity.Status, ConditionTypes.Ready, ready, "Test", null, generation, Now);
        Conditions.Set(entity.Status, ConditionTypes.Synced, synced, "Test", null, generation, Now);

        Assert.Equal(steady, NlbDecisions.IsSteady(entity));
    }

    [Theory]
    [InlineData(true, null, null, null, false)]
    [InlineData(false, null, null, null, false)]
    [InlineData(false, null, null, Alb, true)]
    [InlineData(true, Alb, "healthy", Alb, false)]
    [InlineData(true, Alb, "initial", Alb, true)]
    [InlineData(true, Alb, "healthy", null, true)]
    [InlineData(true, null, null, Alb, true)]
    [InlineData(false, Alb, "healthy", Alb, true)]
    public void Target_health_is_read_only_when_it_can_have_changed_something(bool steady, string? shownAlb, string? shownHealth, string? expectedAlb, bool read)
    {
        var previous = shownAlb is null && shownHealth is null ? null : new NlbTargetGroupStatus { AlbArn = shownAlb, Health = shownHealth };

        Assert.Equal(read, NlbDecisions.NeedsHealth(steady, previous, expectedAlb));
    }

    [Theory]
    [InlineData("blue", "blue")]
    [InlineData("green", "green")]
    [InlineData("blue:75 green:25", "blue")]
    [InlineData("blue:25 green:75", "green")]
    [InlineData("blue:0 green:1", "green")]
    [InlineData("other", null)]
    [InlineData("", null)]
    public void The_active_colour_is_the_one_receiving_most_new_connections(string forward, string? active)
    {
        var groups = new Dictionary<DeploymentColor, string> { [DeploymentColor.Blue] = Blue, [DeploymentColor.Green] = Green };
        string ArnOf(string color) => color == "blue" ? Blue : color == "green" ? Green : "arn:other";
        ListenerForward? parsed = forward.Length == 0 ? null
            : forward.Contains(':', StringComparison.Ordinal)
                ? new ListenerForward([.. forward.Split(' ').Select(p => p.Split(':')).Select(p => new WeightedTargetGroup(ArnOf(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))])
                : ListenerForward.To(ArnOf(forward));

        var color = NlbDecisions.ActiveColor(parsed, groups);

        Assert.Equal(active, color is null ? null : NlbDesiredState.ColorName(color.Value));
    }

    [Fact]
    public void The_listener_drift_message_names_the_default_action_and_what_ebops_set()
    {
        var listener = new ListenerObserved("arn:listener", "arn:nlb", 80, "TCP", ListenerForward.To(Green), new Dictionary<string, string> { ["ebops.io/forward"] = "web-blue=1" });
        var groups = new Dictionary<DeploymentColor, string> { [DeploymentColor.Blue] = Blue, [DeploymentColor.Green] = Green };

        var message = NlbDecisions.ListenerDriftMessage(listener, groups);

        Assert.Equal("listener arn:listener default action forwards to green web-green, but ebops last set web-blue=1; not reverted: only a BlueGreenRelease changes where it points", message);
        Assert.True(listener.ForwardEditedOutsideEbops);
    }

    [Fact]
    public void The_backend_ALB_of_a_colour_comes_from_the_BeanstalkApp_status()
    {
        var app = new Operator.Entities.BeanstalkApp { Status = new() { Environments = [new() { Color = DeploymentColor.Green, LoadBalancerArn = Alb }, new() { Color = DeploymentColor.Blue }] } };

        Assert.Equal(Alb, NlbDecisions.AlbOf(app, DeploymentColor.Green));
        Assert.Null(NlbDecisions.AlbOf(app, DeploymentColor.Blue));
        Assert.Null(NlbDecisions.AlbOf(null, DeploymentColor.Blue));
    }
}
