namespace Ebops.Operator.Controllers;

/// <summary>
/// Settings every controller shares (configuration section <c>Controllers</c>, environment <c>EBOPS_CONTROLLERS__*</c>).
/// Defaults are declared here.
/// </summary>
public sealed class ControllerSettings
{
    public const string SectionName = "Controllers";

    /// <summary>Value of the <c>ebops.io/cluster</c> tag on every AWS object: two installations sharing an AWS account
    /// must use different names. Default: <c>ebops</c>.</summary>
    public string ClusterName { get; set; } = "ebops";

    /// <summary>How often a synced object is compared with AWS (drift), unless <c>ebops.io/poll-interval</c> says
    /// otherwise. Default: 5 minutes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest poll interval an annotation may ask for. Default: 30 seconds.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon to look again while AWS is in a transitional state (creating, modifying, ...). Default: 15 seconds.</summary>
    public TimeSpan BusyRequeue { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How soon to look again while waiting for another object to become ready. Default: 30 seconds.</summary>
    public TimeSpan DependencyRequeue { get; set; } = TimeSpan.FromSeconds(30);
}
