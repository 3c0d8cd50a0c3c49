using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The NLB side of a release. While a release runs, what <see cref="TrafficReads"/> names for the phase: the listener's
/// forward (one DescribeListeners) and the target of each colour (one DescribeTargetHealth per target group). Other colours, and everything between releases, come from what the NlbFrontend last reported.
/// </summary>
internal sealed class TrafficReader(ListenerManager listeners, TargetGroupManager targetGroups)
{
    private static readonly DeploymentColor[] Colors = [DeploymentColor.Blue, DeploymentColor.Green];

    /// <summary>The NLB side as <paramref name="candidate"/>'s release sees it; on a <paramref name="live"/> pass what
    /// <paramref name="reads"/> names is read from AWS.</summary>
    public async Task<TrafficView> ReadAsync(ReleaseInputs inputs, DeploymentColor candidate, bool live, TrafficReads reads, CancellationToken cancellationToken)
    {
        if (inputs.Release.Spec.FrontendRef is null || inputs.ListenerArn is not { } listenerArn)
        {
            return TrafficView.None;
        }

        var registered = new Dictionary<DeploymentColor, string>();
        var draining = new Dictionary<DeploymentColor, string>();
        var health = new Dictionary<DeploymentColor, string>();
        foreach (var color in Colors)
        {
            foreach (var (alb, state) in await TargetsAsync(inputs, color, live && reads.TargetGroups.Contains(color), cancellationToken).ConfigureAwait(false))
            {
                if (state == Elbv2Statuses.TargetDraining)
                {
                    draining[color] = alb;
                }
                else
                {
                    registered[color] = alb;
                    health[color] = state;
                }
            }
        }

        var forward = live && reads.Listener
            ? await listeners.ReadForwardAsync(listenerArn, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            : Reported(inputs);
        var percents = Colors.ToDictionary(c => c, c => inputs.TargetGroupArn(c) is { } arn && forward is not null && forward.TargetGroups.Any(g => g.TargetGroupArn == arn)
            ? forward.PercentOf(arn)
            : (int?)null);
        var listenerColor = Colors.Where(c => percents[c] == 100).Select(c => (DeploymentColor?)c).FirstOrDefault();
        return new TrafficView(listenerColor, percents[candidate], registered, draining, health);
    }

    private async Task<IEnumerable<(string Alb, string State)>> TargetsAsync(ReleaseInputs inputs, DeploymentColor color, bool live, CancellationToken cancellationToken)
    {
        if (inputs.TargetGroupArn(color) is not { } arn)
        {
            return [];
        }

        if (!live)
        {
            var reported = inputs.Frontend?.Status?.TargetGroups?.FirstOrDefault(g => g.Color == color);
            return reported?.AlbArn is { } alb ? [(alb, reported.Health ?? Elbv2Statuses.TargetInitial)] : [];
        }

        var targets = await targetGroups.ReadHealthAsync(arn, cancellationToken).ConfigureAwait(false) ?? [];
        return targets.Select(t => (t.TargetId, t.State));
    }

    /// <summary>The forward as the NlbFrontend last reported it (traffic percent per colour).</summary>
    private static ListenerForward? Reported(ReleaseInputs inputs)
    {
        var groups = (inputs.Frontend?.Status?.TargetGroups ?? []).Where(g => g.Arn is not null && g.TrafficPercent is not null)
            .Select(g => new WeightedTargetGroup(g.Arn!, g.TrafficPercent!.Value)).ToList();
        return groups.Count > 0 && groups.Any(g => g.Weight > 0) ? new ListenerForward(groups) : null;
    }
}
