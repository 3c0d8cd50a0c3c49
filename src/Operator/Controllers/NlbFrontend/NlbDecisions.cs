using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>Pure decisions of the NlbFrontend controller (table-tested).</summary>
internal static class NlbDecisions
{
    /// <summary>Nothing to do since the last reconcile: this generation was reconciled, Ready and Synced.</summary>
    public static bool IsSteady(Entities.NlbFrontend entity) =>
        entity.Status?.ObservedGeneration == entity.Metadata.Generation
        && Conditions.IsTrue(entity.Status, ConditionTypes.Ready)
        && Conditions.IsTrue(entity.Status, ConditionTypes.Synced);

    /// <summary>
    /// A steady object is read from the shared snapshots, unless its poll interval is shorter than the snapshots' age
    /// (it asked to see changes sooner than a snapshot would show them). Anything else reads a recent snapshot
    /// (<see cref="ReadMode.Recent"/>): the frontends being created or changed share one describe every few seconds.
    /// </summary>
    public static ReadMode ReadModeFor(bool steady, TimeSpan pollInterval, TimeSpan snapshotMaxAge) =>
        steady && pollInterval >= snapshotMaxAge ? ReadMode.Cached : ReadMode.Recent;

    /// <summary>True when the backend exists and is Ready.</summary>
    public static bool IsReady(Entities.BeanstalkApp? app) => app is not null && Conditions.IsTrue(app.Status, ConditionTypes.Ready);

    /// <summary>The ALB of the backend's environment of <paramref name="color"/>, when it reports one.</summary>
    public static string? AlbOf(Entities.BeanstalkApp? app, DeploymentColor color) =>
        app?.Status?.Environments?.FirstOrDefault(e => e.Color == color && !string.IsNullOrEmpty(e.LoadBalancerArn))?.LoadBalancerArn;

    /// <summary>
    /// Whether target health of a colour is worth a DescribeTargetHealth now: only when a target is or should be
    /// registered (the backend reports the colour's ALB, or the last status showed one), and then on every reconcile
    /// that is not steady, while it is not healthy, or when the ALB changed.
    /// </summary>
    public static bool NeedsHealth(bool steady, NlbTargetGroupStatus? previous, string? expectedAlb)
    {
        if (expectedAlb is null && previous?.AlbArn is null)
        {
            return false;
        }

        return !steady || previous?.Health != Aws.Elbv2.Elbv2Statuses.TargetHealthy || previous.AlbArn != expectedAlb;
    }

    /// <summary>The colour whose group receives the largest share of new connections; null when the listener
    /// forwards to neither (or does not exist).</summary>
    public static DeploymentColor? ActiveColor(ListenerForward? forward, IReadOnlyDictionary<DeploymentColor, string> groupArns)
    {
        var heaviest = forward?.Heaviest;
        return groupArns.Where(g => g.Value == heaviest).Select(g => (DeploymentColor?)g.Key).FirstOrDefault();
    }

    /// <summary>The message of a listener edited outside ebops (its default action is the release's to change).</summary>
    public static string ListenerDriftMessage(ListenerObserved listener, IReadOnlyDictionary<DeploymentColor, string> groupArns) =>
        $"listener {listener.Arn} default action forwards to {Describe(listener.Forward, groupArns)}, but ebops last set {listener.RecordedForward}; "
        + "not reverted: only a BlueGreenRelease changes where it points";

    private static string Describe(ListenerForward? forward, IReadOnlyDictionary<DeploymentColor, string> groupArns)
    {
        if (forward is null)
        {
            return "nothing";
        }

        return string.Join(", ", forward.TargetGroups.Select(g =>
        {
            var color = groupArns.Where(a => a.Value == g.TargetGroupArn).Select(a => NlbDesiredState.ColorName(a.Key) + " ").FirstOrDefault() ?? "";
            return forward.TargetGroups.Count == 1 ? $"{color}{Elbv2Arns.TargetGroupName(g.TargetGroupArn)}" : $"{color}{Elbv2Arns.TargetGroupName(g.TargetGroupArn)} ({forward.PercentOf(g.TargetGroupArn)}%)";
        }));
    }
}
