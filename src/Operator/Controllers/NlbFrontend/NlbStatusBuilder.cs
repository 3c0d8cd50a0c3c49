using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>
/// Pure: the NlbFrontend status from what AWS reports. Values are replaced only when they change (the runtime writes
/// status only when it differs); <c>lastSwitch</c> belongs to the release and is kept as it is.
/// </summary>
internal static class NlbStatusBuilder
{
    public static void Apply(NlbFrontendStatus status, NlbFrontendSpec spec, NlbObservation observed)
    {
        var nlb = observed.LoadBalancer;
        status.Aws = nlb is null ? status.Aws : new AwsResourceMetadata { Arn = nlb.Arn, Region = Elbv2Arns.Region(nlb.Arn), OwnerAccountId = Elbv2Arns.Account(nlb.Arn) };
        status.LoadBalancerArn = nlb?.Arn ?? status.LoadBalancerArn;
        status.DnsName = nlb?.DnsName ?? status.DnsName;
        status.Addresses = [.. spec.Subnets.Select(s => Address(s, nlb, observed.Addresses.GetValueOrDefault(s.SubnetId)))];
        var ips = status.Addresses.Select(a => a.PublicIp).OfType<string>().ToList();
        status.StaticIps = ips.Count > 0 ? ips : null;
        status.ListenerArn = observed.Listener?.Arn ?? status.ListenerArn;

        var arns = observed.TargetGroups.ToDictionary(g => g.Key, g => g.Value.Arn);
        var forward = observed.Listener?.Forward;
        status.TargetGroups = [.. NlbDesiredState.Colors.Where(observed.TargetGroups.ContainsKey).Select(c =>
            Group(c, observed.TargetGroups[c], forward, status.TargetGroups?.FirstOrDefault(g => g.Color == c), observed.Health.GetValueOrDefault(c)))];
        status.ActiveColor = NlbDecisions.ActiveColor(forward, arns);
        status.ActiveTargetGroupArn = forward?.Heaviest;
    }

    private static NlbAddressStatus Address(NlbSubnet subnet, NetworkLoadBalancerObserved? nlb, ElasticIpObserved? address)
    {
        var zone = nlb?.Zones.FirstOrDefault(z => z.SubnetId == subnet.SubnetId);
        return new NlbAddressStatus
        {
            SubnetId = subnet.SubnetId,
            AllocationId = address?.AllocationId ?? zone?.AllocationId ?? subnet.AllocationId,
            PublicIp = address?.PublicIp ?? zone?.IpAddress,
            Owned = subnet.AllocationId is null,
        };
    }

    private static NlbTargetGroupStatus Group(DeploymentColor color, TargetGroupObserved group, ListenerForward? forward, NlbTargetGroupStatus? previous, IReadOnlyList<TargetHealthObserved>? health)
    {
        // Health was not read this time (nothing registered, or steady and healthy): keep what the last read showed.
        var target = health?.OrderBy(h => h.State == Aws.Elbv2.Elbv2Statuses.TargetDraining ? 1 : 0).FirstOrDefault();
        return new NlbTargetGroupStatus
        {
            Color = color,
            Arn = group.Arn,
            AlbArn = health is null ? previous?.AlbArn : target?.TargetId,
            Health = health is null ? previous?.Health : target?.State,
            TrafficPercent = forward?.PercentOf(group.Arn) ?? 0,
        };
    }
}
