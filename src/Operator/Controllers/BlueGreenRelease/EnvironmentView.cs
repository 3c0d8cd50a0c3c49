using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// One Elastic Beanstalk environment of the app as the release sees it: EB status (Launching, Updating, Ready,
/// Terminating, Terminated), health, the version it runs, the release number it was created for (from its tags), its
/// instances, its ALB and CNAME, and the configuration hash it was created with.
/// </summary>
public sealed record EnvironmentView(
    DeploymentColor Color,
    string Name,
    string Status,
    string? HealthStatus,
    string? VersionLabel,
    int? ReleaseNumber,
    int InstanceCount,
    string? AlbArn,
    string? Cname,
    string? ConfigurationHash)
{
    public bool IsReady => Status == "Ready";

    public bool IsTerminating => Status == "Terminating";

    /// <summary>Terminated environments stay visible in EB for a while; they no longer exist for the release.</summary>
    public bool IsGone => Status == "Terminated";

    /// <summary>Launching or updating: wait.</summary>
    public bool IsBusy => Status is "Launching" or "Updating";
}
