using System.Globalization;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The app's blue and green environments as the release sees them. While a release runs: a DescribeEnvironments
/// snapshot a few seconds old at most (<see cref="ReadMode.Recent"/>, shared by every release in flight), the enhanced
/// health of the colours the caller asks for (one DescribeEnvironmentHealth each) and, once per environment, its tags
/// and ALB. Between releases the steady snapshot and the instance counts the BeanstalkApp reports cost nothing.
/// </summary>
internal sealed class EnvironmentReader(EnvironmentManager environments, EnvironmentTagCache tags)
{
    /// <summary>The release's environments by colour; health only where <paramref name="needsHealth"/> says so (given the
    /// colours that have an environment) and only on a <paramref name="live"/> pass.</summary>
    public async Task<IReadOnlyDictionary<DeploymentColor, EnvironmentSnapshot>> ReadAsync(ReleaseInputs inputs, bool live,
        Func<DeploymentColor, IReadOnlyCollection<DeploymentColor>, bool> needsHealth, CancellationToken cancellationToken)
    {
        var found = new Dictionary<DeploymentColor, EnvironmentSnapshot>();
        var all = await environments.ReadAllAsync(inputs.ApplicationName, live ? ReadMode.Recent : ReadMode.Cached, cancellationToken).ConfigureAwait(false);
        tags.Retain(inputs.ApplicationName, all);
        var colored = all.Select(e => (Environment: e, Color: ColorOf(e))).Where(e => e.Color is not null).ToList();
        var present = colored.Select(e => e.Color!.Value).ToHashSet();
        foreach (var (environment, nullableColor) in colored)
        {
            var color = nullableColor!.Value;
            var environmentTags = await tags.ReadAsync(environment, cancellationToken).ConfigureAwait(false);
            var health = live && !environment.IsTerminatingOrTerminated && needsHealth(color, present)
                ? await environments.ReadHealthAsync(environment, cancellationToken).ConfigureAwait(false)
                : null;
            var alb = environment.IsTerminatingOrTerminated ? null : await environments.ReadLoadBalancerArnAsync(environment, cancellationToken).ConfigureAwait(false);
            var view = new EnvironmentView(
                color,
                environment.Name,
                environment.Status,
                environment.HealthStatus,
                environment.VersionLabel,
                ReleaseNumber(environmentTags, inputs.Release.Metadata.Name),
                health?.Instances.Total ?? inputs.ReportedInstances(color),
                alb,
                environment.Cname,
                environmentTags.GetValueOrDefault(EnvironmentManager.ConfigurationHashTag));
            found[color] = new EnvironmentSnapshot(environment, view, health);
        }

        return found;
    }

    private static DeploymentColor? ColorOf(EbEnvironment environment) => environment.Color switch
    {
        EnvironmentManager.Blue => DeploymentColor.Blue,
        EnvironmentManager.Green => DeploymentColor.Green,
        _ => null,
    };

    /// <summary>The release number, when this BlueGreenRelease created the environment (else null: never terminated by it).</summary>
    private static int? ReleaseNumber(IReadOnlyDictionary<string, string> tags, string release) =>
        tags.GetValueOrDefault(EnvironmentManager.ReleaseTag) == release
        && int.TryParse(tags.GetValueOrDefault(EnvironmentManager.ReleaseNumberTag), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
