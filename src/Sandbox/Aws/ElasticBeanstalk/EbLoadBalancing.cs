using System.Globalization;
using System.Net;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using Ebops.Sandbox.Aws.Elbv2;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// An environment's load balancing in the ELBv2 simulation: its ALB, instance target group and HTTP:80 listener. The
/// only place EB calls <see cref="Elbv2State"/>, through the members the ELBv2 simulation keeps stable for it.
/// </summary>
internal sealed class EbLoadBalancing(SimWorld world)
{
    private const int ListenerPort = 80;
    private readonly Elbv2State elb = Elbv2State.For(world);

    /// <summary>An internet-facing ALB in <paramref name="subnets"/>; returns its ARN and DNS name.</summary>
    public (string Arn, string DnsName) CreateLoadBalancer(string name, IReadOnlyList<string> subnets, string securityGroup, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var lb = elb.CreateLoadBalancer(new CreateLoadBalancerInput(
            name,
            Elbv2Constants.Application,
            Elbv2Constants.InternetFacing,
            [.. subnets.Select(s => new SubnetMappingInput(s, null))],
            [securityGroup],
            tags));
        return (lb.Arn, lb.DnsName);
    }

    /// <summary>An HTTP:80 instance target group checked as <paramref name="settings"/> says; returns its ARN.</summary>
    public string CreateTargetGroup(string name, string vpc, EbTargetGroupSettings settings, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var group = elb.CreateTargetGroup(new TargetGroupInput
        {
            Name = name,
            Protocol = "HTTP",
            Port = ListenerPort,
            VpcId = vpc,
            HealthCheckPath = settings.HealthCheckPath,
            HealthCheckIntervalSeconds = settings.HealthCheckIntervalSeconds,
            HealthCheckTimeoutSeconds = settings.HealthCheckTimeoutSeconds,
            HealthyThresholdCount = settings.HealthyThresholdCount,
            UnhealthyThresholdCount = settings.UnhealthyThresholdCount,
            Matcher = settings.Matcher,
            Tags = tags,
        });
        elb.ModifyTargetGroupAttributes(group.Arn, [new("deregistration_delay.timeout_seconds", settings.DeregistrationDelaySeconds.ToString(CultureInfo.InvariantCulture))]);
        return group.Arn;
    }

    /// <summary>The ALB's HTTP:80 listener forwarding to <paramref name="targetGroup"/>.</summary>
    public void CreateListener(string loadBalancer, string targetGroup, IReadOnlyList<KeyValuePair<string, string>> tags) =>
        elb.CreateListener(loadBalancer, "HTTP", ListenerPort, [new ListenerAction(Elbv2Constants.Forward, null, targetGroup, null, null, null, null, null, null)], tags, hasCertificate: false);

    public void Register(string targetGroup, IEnumerable<string> instanceIds) =>
        elb.RegisterTargets(targetGroup, [.. instanceIds.Select(id => new TargetInput(id, null))]);

    public void Deregister(string targetGroup, string instanceId) =>
        elb.DeregisterTargets(targetGroup, [new TargetInput(instanceId, null)]);

    /// <summary>Applies changed health-check settings (the deregistration delay is set once, at create).</summary>
    public void Reconfigure(string targetGroup, EbTargetGroupSettings settings) =>
        elb.ModifyTargetGroup(targetGroup, new TargetGroupInput
        {
            HealthCheckPath = settings.HealthCheckPath,
            HealthCheckIntervalSeconds = settings.HealthCheckIntervalSeconds,
            HealthCheckTimeoutSeconds = settings.HealthCheckTimeoutSeconds,
            HealthyThresholdCount = settings.HealthyThresholdCount,
            UnhealthyThresholdCount = settings.UnhealthyThresholdCount,
            Matcher = settings.Matcher,
        });

    /// <summary>Deletes the ALB (and its listener), then the target group. ELBv2 errors (ResourceInUse) propagate.</summary>
    public async ValueTask DeleteAsync(string? loadBalancer, string? targetGroup)
    {
        if (loadBalancer is not null)
        {
            await elb.DeleteLoadBalancerAsync(loadBalancer).ConfigureAwait(false);
        }

        if (targetGroup is not null)
        {
            await elb.DeleteTargetGroupAsync(targetGroup).ConfigureAwait(false);
        }
    }

    /// <summary>The loopback endpoint of the ALB's HTTP:80 listener; null when it has none.</summary>
    public IPEndPoint? Endpoint(string loadBalancer) => elb.FindEndpoint(loadBalancer, ListenerPort);

    /// <summary>The cumulative request counters of the ALB's HTTP:80 listener; null when it has none.</summary>
    public ProxyCounters? Counters(string loadBalancer) => elb.AlbCounters(loadBalancer, ListenerPort);

    /// <summary>The health of the group's targets; null when the group does not exist.</summary>
    public IReadOnlyList<TargetHealthDescription>? Targets(string targetGroup) => elb.TargetHealth(targetGroup);
}
