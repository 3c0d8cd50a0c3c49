using Ebops.Operator.Entities;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// Pure: what status says about the app's blue and green environments, and which one is active. The active colour is
/// the one the app's BlueGreenRelease publishes (it moved the traffic); without one, the newest Ready environment
/// that runs a version.
/// </summary>
internal static class EnvironmentReport
{
    /// <summary>The colour of an environment named <c>&lt;application&gt;-blue|green</c>, or null.</summary>
    public static DeploymentColor? ColorOf(EbEnvironment environment) => environment.Color switch
    {
        EnvironmentManager.Blue => DeploymentColor.Blue,
        EnvironmentManager.Green => DeploymentColor.Green,
        _ => null,
    };

    public static DeploymentColor? Active(IReadOnlyList<EbEnvironment> environments, DeploymentColor? releaseActive)
    {
        var coloured = environments.Where(e => ColorOf(e) is not null && !e.IsTerminatingOrTerminated).ToList();
        if (releaseActive is { } published && coloured.Any(e => ColorOf(e) == published))
        {
            return published;
        }

        return coloured.Where(e => e.IsReady && !string.IsNullOrEmpty(e.VersionLabel))
            .OrderByDescending(e => e.DateCreated ?? DateTimeOffset.MinValue)
            .Select(ColorOf).FirstOrDefault();
    }

    /// <summary>
    /// True when the instance counts must be read again (DescribeEnvironmentHealth): the environment is not Ready, or
    /// differs from what status last said about it, or status has no counts. A steady environment costs no call.
    /// </summary>
    public static bool NeedsHealth(EbEnvironment environment, EbEnvironmentStatus? previous) =>
        !environment.IsReady || previous is null || previous.Instances is null || previous.Id != environment.Id
        || previous.Status != environment.Status || previous.Health != environment.Health
        || previous.HealthStatus != environment.HealthStatus || previous.VersionLabel != environment.VersionLabel;

    /// <summary>The status entry of one environment.</summary>
    public static EbEnvironmentStatus Entry(EbEnvironment environment, DeploymentColor color, EbInstanceHealthCounts? counts, string? loadBalancerArn, bool active) => new()
    {
        Color = color,
        Name = environment.Name,
        Id = environment.Id,
        Status = environment.Status,
        Health = environment.Health,
        HealthStatus = environment.HealthStatus,
        VersionLabel = environment.VersionLabel,
        Cname = environment.Cname,
        LoadBalancerArn = loadBalancerArn,
        Active = active ? true : null,
        Instances = counts is null ? null : new EbInstanceCounts
        {
            Ok = counts.Ok, Info = counts.Info, Warning = counts.Warning, Degraded = counts.Degraded, Severe = counts.Severe,
            Pending = counts.Pending, NoData = counts.NoData, Unknown = counts.Unknown,
        },
    };

    /// <summary>Counts from a previous status entry (a steady environment keeps them).</summary>
    public static EbInstanceHealthCounts? CountsOf(EbEnvironmentStatus? previous) => previous?.Instances is { } i
        ? new EbInstanceHealthCounts(i.Ok, i.Info, i.Warning, i.Degraded, i.Severe, i.Pending, i.NoData, i.Unknown)
        : null;

    /// <summary>Writes the environments and the active colour's version and health into <paramref name="status"/>.</summary>
    public static void Apply(BeanstalkAppStatus status, IReadOnlyList<EbEnvironmentStatus> entries)
    {
        status.Environments = entries.Count == 0 ? null : [.. entries.OrderBy(e => e.Color)];
        var active = entries.FirstOrDefault(e => e.Active == true);
        status.ActiveColor = active?.Color;
        status.ActiveVersion = active?.VersionLabel;
        status.ActiveHealth = active?.HealthStatus;
    }
}
