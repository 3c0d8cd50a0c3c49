using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Everything the release looked at before deciding, read fresh from AWS and the watch caches. The planner decides
/// from this alone (no I/O), so a crash anywhere resumes correctly: the next observation shows what was done.
/// </summary>
public sealed record ReleaseObservation
{
    /// <summary>Elastic Beanstalk application name of the BeanstalkApp (environments are named after it).</summary>
    public required string ApplicationName { get; init; }

    /// <summary>The BeanstalkApp is Ready (application, template and security group in place).</summary>
    public bool AppReady { get; init; }

    /// <summary>The NlbFrontend named by spec.frontendRef exists (true without one).</summary>
    public bool FrontendExists { get; init; } = true;

    /// <summary>Hash of the BeanstalkApp's desired template settings (a running environment created from an older one
    /// gets a configuration release).</summary>
    public string? AppConfigurationHash { get; init; }

    /// <summary>The BeanstalkApp's capacity minimum (green's floor when there is no blue).</summary>
    public int AppMinInstances { get; init; } = 1;

    /// <summary>Null without a frontend; else whether the NlbFrontend is Ready.</summary>
    public bool? FrontendReady { get; init; }

    /// <summary>Why the app's database forbids a cut-over now (modifying, rebooting, pending reboot), or null.</summary>
    public string? DatabaseBusy { get; init; }

    /// <summary>The app's environments by colour (absent: none, or terminated).</summary>
    public IReadOnlyDictionary<DeploymentColor, EnvironmentView> Environments { get; init; } = new Dictionary<DeploymentColor, EnvironmentView>();

    /// <summary>Whether the application version of the candidate label exists (null: not looked at).</summary>
    public bool? VersionExists { get; init; }

    /// <summary>Whether the candidate's S3 bundle exists (null: not looked at).</summary>
    public bool? BundleExists { get; init; }

    /// <summary>The colour whose target group gets all new connections (a single forward, or a weighted one with the
    /// other colour at 0); null when both get some, or without a frontend.</summary>
    public DeploymentColor? ListenerColor { get; init; }

    /// <summary>The candidate colour's share of new connections (percent of the forward's weights); null without a
    /// frontend, or while its target group is not part of the listener's forward at all (AWS then does not health-check it).</summary>
    public int? CandidateWeight { get; init; }

    /// <summary>NlbWeighted: green compared with blue over the last metrics window (measured with a gate round).</summary>
    public TrafficComparison? Comparison { get; init; }

    /// <summary>NlbSwitch: the ALB ARN registered in each colour's target group.</summary>
    public IReadOnlyDictionary<DeploymentColor, string> RegisteredAlbs { get; init; } = new Dictionary<DeploymentColor, string>();

    /// <summary>The ALB of each colour that is leaving its target group (deregistered, still draining connections). Another
    /// ALB cannot join the group, and AWS refuses to delete the ALB, until it is gone.</summary>
    public IReadOnlyDictionary<DeploymentColor, string> DrainingAlbs { get; init; } = new Dictionary<DeploymentColor, string>();

    /// <summary>NlbSwitch: target health of each colour's ALB in its target group (healthy, initial, unhealthy, ...).</summary>
    public IReadOnlyDictionary<DeploymentColor, string> TargetHealth { get; init; } = new Dictionary<DeploymentColor, string>();

    /// <summary>A fresh gate round, measured because one was due (null: none due, or nothing to measure yet).</summary>
    public IReadOnlyList<GateCheckResult>? GateRound { get; init; }

    /// <summary>Blue had no requests in the last metrics window (null: not measured).</summary>
    public bool? BlueDrained { get; init; }

    /// <summary>A signal on the object, or null.</summary>
    public SignalRequest? Signal { get; init; }

    public EnvironmentView? Environment(DeploymentColor? color) =>
        color is { } c && Environments.TryGetValue(c, out var view) && !view.IsGone ? view : null;
}
