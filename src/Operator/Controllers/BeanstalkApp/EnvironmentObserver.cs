using Ebops.Operator.Aws.Core;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// Reads the app's environments for status: from the shared DescribeEnvironments snapshot when steady; instance counts
/// (DescribeEnvironmentHealth) only for an environment that is not steady; the ALB ARN once per environment. The
/// active colour comes from the app's BlueGreenRelease when one publishes it.
/// </summary>
internal sealed class EnvironmentObserver(EnvironmentManager environments, IResourceCache<Entities.BlueGreenRelease> releases)
{
    /// <summary>Fills status.environments and the active colour; returns the environments read (all, any name).</summary>
    public async Task<IReadOnlyList<EbEnvironment>> ReportAsync(AppContext ctx, ReadMode mode, CancellationToken cancellationToken)
    {
        var all = await environments.ReadAllAsync(ctx.ApplicationName, mode, cancellationToken).ConfigureAwait(false);
        var active = EnvironmentReport.Active(all, ReleaseActiveColor(ctx));
        var previous = ctx.Status.Environments ?? [];
        var entries = new List<EbEnvironmentStatus>();
        foreach (var environment in all)
        {
            if (EnvironmentReport.ColorOf(environment) is not { } color)
            {
                continue;
            }

            var before = previous.FirstOrDefault(p => p.Color == color && p.Id == environment.Id);
            var counts = EnvironmentReport.NeedsHealth(environment, before) && !environment.IsTerminatingOrTerminated
                ? await CountsAsync(environment, before, cancellationToken).ConfigureAwait(false)
                : EnvironmentReport.CountsOf(before);
            var loadBalancer = before?.LoadBalancerArn ?? await LoadBalancerAsync(environment, cancellationToken).ConfigureAwait(false);
            entries.Add(EnvironmentReport.Entry(environment, color, counts, loadBalancer, color == active));
        }

        EnvironmentReport.Apply(ctx.Status, entries);
        return all;
    }

    /// <summary>The colour the app's BlueGreenRelease says serves traffic, or null.</summary>
    public DeploymentColor? ReleaseActiveColor(AppContext ctx) => releases
        .List(ctx.Namespace, r => r.Spec.AppRef.Name == ctx.Name)
        .Select(r => r.Status?.ActiveColor)
        .FirstOrDefault(c => c is not null);

    /// <summary>The BlueGreenReleases of the app (for the references).</summary>
    public IEnumerable<string> ReleasesOf(Entities.BeanstalkApp app) => releases
        .List(app.Metadata.NamespaceProperty, r => r.Spec.AppRef.Name == app.Metadata.Name)
        .Select(r => r.Metadata.Name);

    private async Task<EbInstanceHealthCounts?> CountsAsync(EbEnvironment environment, EbEnvironmentStatus? before, CancellationToken cancellationToken)
    {
        try
        {
            return (await environments.ReadHealthAsync(environment, cancellationToken).ConfigureAwait(false)).Instances;
        }
        catch (AwsApiException e) when (!e.IsTerminal)
        {
            // Health is reporting only: keep what status had and try again on the next reconcile.
            return EnvironmentReport.CountsOf(before);
        }
    }

    private async Task<string?> LoadBalancerAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        if (environment.IsTerminatingOrTerminated)
        {
            return null;
        }

        try
        {
            return await environments.ReadLoadBalancerArnAsync(environment, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (!e.IsTerminal)
        {
            return null;
        }
    }
}
