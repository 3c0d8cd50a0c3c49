using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Elbv2;
using static Ebops.Operator.Tests.Controllers.NlbFrontend.NlbFrontendHarness;
using Conditions = Ebops.Operator.Runtime.Status.Conditions;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>Updates of each mutable field, drift corrected, and the listener's forward: the release's, never reverted.</summary>
public sealed class NlbFrontendSyncTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private NlbFrontendHarness h = null!;
    private Operator.Entities.NlbFrontend frontend = null!;

    public async ValueTask InitializeAsync()
    {
        h = await StartAsync();
        h.PutApp();
        frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        h.Aws.World.Calls.Clear();
        h.Events.Events.Clear();
    }

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    public static TheoryData<string, string> HealthCheckChanges() => new()
    {
        { "path", "HealthCheckPath" },
        { "protocol", "HealthCheckProtocol" },
        { "port", "HealthCheckPort" },
        { "intervalSeconds", "HealthCheckIntervalSeconds" },
        { "healthyThresholdCount", "HealthyThresholdCount" },
        { "unhealthyThresholdCount", "UnhealthyThresholdCount" },
        { "matcher", "Matcher" },
    };

    private static void Change(NlbHealthCheck check, string field)
    {
        switch (field)
        {
            case "path": check.Path = "/healthz"; break;
            case "protocol": check.Protocol = HealthCheckProtocol.Https; break;
            case "port": check.Port = "8080"; break;
            case "intervalSeconds": check.IntervalSeconds = 30; break;
            case "healthyThresholdCount": check.HealthyThresholdCount = 5; break;
            case "unhealthyThresholdCount": check.UnhealthyThresholdCount = 2; break;
            default: check.Matcher = "200"; break;
        }
    }

    [Theory]
    [MemberData(nameof(HealthCheckChanges))]
    public async Task A_health_check_change_modifies_both_target_groups_and_only_that_setting(string field, string parameter)
    {
        Change(frontend.Spec.HealthCheck, field);
        Bump(frontend);

        var outcome = await h.ReconcileAsync(frontend);

        Assert.Equal(h.Settings.PollInterval, outcome.Result?.Delay);
        Assert.Equal(["ModifyTargetGroup", "ModifyTargetGroup"], h.Mutations());
        Assert.All(h.Aws.World.Calls.Find(Service, "ModifyTargetGroup"), c => Assert.Contains(c.Parameters.Keys, k => k.StartsWith(parameter, StringComparison.Ordinal)));
        Assert.Equal("InSync", Reason(frontend, ConditionTypes.Synced));
        Assert.Equal(["Updated", "Updated"], h.Reasons);
        Assert.Equal(2, frontend.Status!.ObservedGeneration);
    }

    [Fact]
    public async Task A_listener_port_change_moves_the_listener_and_keeps_its_forward()
    {
        frontend.Spec.Listener.Port = 8080;
        Bump(frontend);

        await h.ReconcileAsync(frontend);

        Assert.Equal(["ModifyListener"], h.Mutations());
        var listener = await h.ListenerAsync(frontend);
        Assert.Equal(8080, listener.Port);
        Assert.Equal(DeploymentColor.Blue, frontend.Status!.ActiveColor);
        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready));
    }

    [Fact]
    public async Task A_health_check_edited_in_AWS_is_drift_reported_and_corrected()
    {
        var blue = frontend.Status!.TargetGroups![0].Arn!;
        await h.Aws.Elbv2.ModifyTargetGroupAsync(new() { TargetGroupArn = blue, HealthCheckPath = "/edited" }, Ct);
        h.Aws.Time.Advance(h.Settings.PollInterval);
        h.Aws.World.Calls.Clear();

        await h.ReconcileAsync(frontend);

        Assert.Equal(["ModifyTargetGroup"], h.Mutations());
        Assert.Equal("DriftCorrected", Reason(frontend, ConditionTypes.Synced));
        Assert.Contains("spec.healthCheck.path", Message(frontend, ConditionTypes.Synced), StringComparison.Ordinal);
        var drift = Assert.Single(h.Events.Events, e => e.Reason == "DriftDetected");
        Assert.Contains("/edited", drift.Note, StringComparison.Ordinal);
        Assert.Equal("/", (await h.Kit.TargetGroups.ReadAsync(Elbv2Names.TargetGroup(NlbKit.Owner(), "blue"), ReadMode.Live, Ct))!.HealthCheck.Path);

        h.Aws.Time.Advance(h.Settings.PollInterval);
        await h.ReconcileAsync(frontend);
        Assert.Equal("InSync", Reason(frontend, ConditionTypes.Synced));
    }

    [Fact]
    public async Task Ownership_tags_removed_in_AWS_are_put_back_and_a_deleted_target_group_is_re_created()
    {
        var green = frontend.Status!.TargetGroups![1].Arn!;
        await h.Aws.Elbv2.RemoveTagsAsync(new() { ResourceArns = [frontend.Status.LoadBalancerArn!], TagKeys = [OwnershipTags.Uid] }, Ct);
        await h.Aws.Elbv2.DeleteTargetGroupAsync(new() { TargetGroupArn = green }, Ct);
        h.Aws.Time.Advance(h.Settings.PollInterval);
        h.Aws.World.Calls.Clear();

        await h.ReconcileAsync(frontend);

        Assert.Equal(["AddTags", "CreateTargetGroup", "ModifyTargetGroupAttributes"], h.Mutations());
        Assert.NotEqual(green, frontend.Status.TargetGroups![1].Arn);
        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready));
    }

    [Fact]
    public async Task A_hand_edit_of_the_listener_forward_is_reported_and_not_reverted()
    {
        var green = frontend.Status!.TargetGroups![1].Arn!;
        await h.Aws.Elbv2.ModifyListenerAsync(new()
        {
            ListenerArn = frontend.Status.ListenerArn, DefaultActions = [new Ebops.Operator.Aws.Elbv2.Action { Type = "forward", TargetGroupArn = green }],
        }, Ct);
        h.Aws.Time.Advance(h.Settings.PollInterval);
        h.Aws.World.Calls.Clear();

        await h.ReconcileAsync(frontend);
        await h.ReconcileAsync(frontend);

        Assert.Empty(h.Mutations());
        Assert.Equal("ListenerDrift", Reason(frontend, ConditionTypes.Synced));
        Assert.Equal(ConditionStatus.False, Conditions.Find(frontend.Status, ConditionTypes.Synced)!.Status);
        Assert.Contains("default action forwards to green", Message(frontend, ConditionTypes.Synced), StringComparison.Ordinal);
        Assert.Contains("not reverted", Message(frontend, ConditionTypes.Synced), StringComparison.Ordinal);
        Assert.Contains(h.Events.Events, e => e.Reason == "ListenerDrift" && e.Type == "Warning");
        Assert.Equal(DeploymentColor.Green, frontend.Status.ActiveColor);
        Assert.Equal(green, (await h.ListenerAsync(frontend)).Forward!.Heaviest);
        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready));
    }

    [Fact]
    public async Task A_switch_by_the_release_is_not_drift_and_the_status_follows_it()
    {
        var (blue, green) = (frontend.Status!.TargetGroups![0].Arn!, frontend.Status.TargetGroups[1].Arn!);

        await h.Kit.Listeners.ForwardAsync(frontend.Status.ListenerArn!, [new WeightedTargetGroup(blue, 75), new WeightedTargetGroup(green, 25)], Ct);
        await h.ReconcileAsync(frontend);

        Assert.Equal("InSync", Reason(frontend, ConditionTypes.Synced));
        Assert.Equal([75, 25], frontend.Status.TargetGroups!.Select(g => g.TrafficPercent));
        Assert.Equal(DeploymentColor.Blue, frontend.Status.ActiveColor);

        await h.Kit.Listeners.ForwardAsync(frontend.Status.ListenerArn!, green, Ct);
        h.Aws.Time.Advance(h.Settings.PollInterval);
        await h.ReconcileAsync(frontend);

        Assert.Equal("InSync", Reason(frontend, ConditionTypes.Synced));
        Assert.Equal(DeploymentColor.Green, frontend.Status.ActiveColor);
        Assert.Equal(green, frontend.Status.ActiveTargetGroupArn);
        Assert.DoesNotContain(h.Reasons, r => r == "ListenerDrift");
    }

    [Fact]
    public async Task Target_health_is_read_once_an_alb_is_expected_and_not_again_while_steady_and_healthy()
    {
        h.Aws.Time.Advance(h.Settings.PollInterval);
        await h.ReconcileAsync(frontend);
        Assert.Empty(h.Aws.World.Calls.Find(Service, "DescribeTargetHealth"));

        var alb = await h.Kit.AlbAsync("myapp-blue-alb");
        await h.Kit.TargetGroups.RegisterAsync(frontend.Status!.TargetGroups![0].Arn!, alb, 80, Ct);
        h.PutApp(change: app => app.Status!.Environments = [new() { Color = DeploymentColor.Blue, LoadBalancerArn = alb }]);
        await h.ReconcileAsync(frontend);

        Assert.Single(h.Aws.World.Calls.Find(Service, "DescribeTargetHealth"));
        Assert.Equal(alb, frontend.Status.TargetGroups![0].AlbArn);
        Assert.NotNull(frontend.Status.TargetGroups[0].Health);
        Assert.Null(frontend.Status.TargetGroups[1].AlbArn);
    }
}
