using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// One release and the objects it works with, as the caches hold them now: the BeanstalkApp (application name,
/// template, capacity, configuration hash), the NlbFrontend (listener and target group ARNs by colour) and the app's
/// RdsDatabases (the cut-over guard).
/// </summary>
internal sealed record ReleaseInputs(
    Entities.BlueGreenRelease Release,
    Entities.BeanstalkApp? App,
    Entities.NlbFrontend? Frontend,
    IReadOnlyList<Entities.RdsDatabase> Databases)
{
    public const string DatabaseModifying = "modifying";
    public const string DatabaseRebooting = "rebooting";
    public const string PendingReboot = "pending-reboot";

    public string ApplicationName => App?.Spec.ApplicationName ?? "";

    public bool AppReady => Conditions.IsTrue(App?.Status, ConditionTypes.Ready);

    /// <summary>Null without a frontend in the spec; else whether it is Ready.</summary>
    public bool? FrontendReady => Release.Spec.FrontendRef is null ? null : Conditions.IsTrue(Frontend?.Status, ConditionTypes.Ready);

    public string? ListenerArn => Frontend?.Status?.ListenerArn;

    /// <summary>The NLB target group of <paramref name="color"/>, from the NlbFrontend's status.</summary>
    public string? TargetGroupArn(DeploymentColor color) => Frontend?.Status?.TargetGroups?.FirstOrDefault(g => g.Color == color)?.Arn;

    /// <summary>The colour whose target group this is, or null.</summary>
    public DeploymentColor? ColorOfTargetGroup(string arn) => Frontend?.Status?.TargetGroups?.FirstOrDefault(g => g.Arn == arn)?.Color;

    /// <summary>Why the app's database forbids a cut-over now, or null: modifying, rebooting, or waiting for a reboot.</summary>
    public string? DatabaseBusy => Databases.Select(d => d.Status).OfType<RdsDatabaseStatus>().Select(s =>
        s.InstanceStatus is DatabaseModifying or DatabaseRebooting ? $"{s.InstanceStatus}"
        : s.ParameterGroup?.ApplyStatus == PendingReboot ? "waiting for a reboot to apply parameters"
        : null).FirstOrDefault(reason => reason is not null);

    /// <summary>Instances of each colour's environment as the BeanstalkApp last reported them (no AWS call).</summary>
    public int ReportedInstances(DeploymentColor color) =>
        App?.Status?.Environments?.FirstOrDefault(e => e.Color == color)?.Instances is { } i
            ? i.Ok + i.Info + i.Warning + i.Degraded + i.Severe + i.Pending + i.NoData + i.Unknown
            : 0;

    /// <summary>The phases (and annotations) that need AWS read live: a release in progress, a pending termination, or
    /// one about to start.</summary>
    public bool NeedsLiveReads(bool mightStart) =>
        !StartRules.IsRest(Release.Status?.Phase) || Release.Status?.PendingTermination is not null || mightStart;
}
