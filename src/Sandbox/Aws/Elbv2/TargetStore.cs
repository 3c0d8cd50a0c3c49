using System.Globalization;
using System.Net;
using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// The targets of target groups and their health: registration (instances by id from the running instances, IPs as
/// loopback, an ALB through its listener; an alb-type group takes one ALB and an ALB is the target of at most two
/// groups), deregistration with the group's delay (draining), and health from the data plane's real checks. Every
/// member takes <see cref="SimWorld.Gate"/>.
/// </summary>
internal sealed class TargetStore(Elbv2Resources resources)
{
    public void Register(string arn, IReadOnlyList<TargetInput> targets)
    {
        if (targets.Count == 0)
        {
            throw Elbv2Errors.Validation("At least one target must be specified");
        }

        lock (resources.Gate)
        {
            var group = resources.FindTargetGroupLocked(arn);
            var resolved = targets.Select(t => (t.Id, Port: t.Port ?? group.Port)).Select(t => (t.Id, t.Port, Endpoint: ResolveLocked(group, t.Id, t.Port))).ToList();
            if (group.TargetType == C.TargetTypeAlb)
            {
                CheckAlbRegistrationsLocked(group, [.. resolved.Select(r => r.Id)]);
            }

            foreach (var (id, port, endpoint) in resolved)
            {
                group.Targets[id] = port;
                group.Runtime.Register(id, endpoint);
            }
        }
    }

    public void Deregister(string arn, IReadOnlyList<TargetInput> targets)
    {
        if (targets.Count == 0)
        {
            throw Elbv2Errors.Validation("At least one target must be specified");
        }

        lock (resources.Gate)
        {
            var group = resources.FindTargetGroupLocked(arn);
            var delay = int.Parse(group.Attributes["deregistration_delay.timeout_seconds"], CultureInfo.InvariantCulture);

            // AWS answers 200 and does nothing for a target that is not registered (e.g. a different port).
            foreach (var target in targets.Where(t => group.Runtime.IsRegistered(t.Id) && (t.Port is null || t.Port == group.Targets.GetValueOrDefault(t.Id, group.Port))))
            {
                group.Runtime.Deregister(target.Id, resources.World.Timing.Of(TimeSpan.FromSeconds(delay)));
            }
        }
    }

    /// <summary>DescribeTargetHealth: the named targets (unregistered ones as <c>unused</c>), or every registered one.</summary>
    public IReadOnlyList<TargetHealthDescription> Describe(string arn, IReadOnlyList<TargetInput> targets)
    {
        lock (resources.Gate)
        {
            return DescribeLocked(resources.FindTargetGroupLocked(arn), targets);
        }
    }

    /// <summary>Target health of a group by ARN (all registered targets); null when the group does not exist.</summary>
    public IReadOnlyList<TargetHealthDescription>? HealthOf(string arn)
    {
        lock (resources.Gate)
        {
            return resources.TargetGroups.FirstOrDefault(t => t.Arn == arn) is { } group ? DescribeLocked(group, []) : null;
        }
    }

    /// <summary>Every registered target's health, for the state dump (call under the gate).</summary>
    public List<TargetHealthDescription> DescribeLocked(TargetGroup group, IReadOnlyList<TargetInput> targets)
    {
        // Drop targets whose deregistration delay has run out in the data plane.
        foreach (var gone in group.Targets.Keys.Where(id => !group.Runtime.IsRegistered(id)).ToList())
        {
            group.Targets.Remove(gone);
        }

        var wanted = targets.Count > 0
            ? targets.Select(t => (t.Id, Port: t.Port ?? (group.Targets.TryGetValue(t.Id, out var p) ? p : group.Port)))
            : group.Targets.Select(t => (Id: t.Key, Port: t.Value));
        return [.. wanted.Select(t =>
        {
            var health = group.Runtime.Describe(t.Id, t.Port);
            var checkPort = group.HealthCheckPort == C.TrafficPort ? t.Port.ToString(CultureInfo.InvariantCulture) : group.HealthCheckPort;
            return new TargetHealthDescription(t.Id, t.Port, checkPort, health.State, health.Reason, health.Description);
        })];
    }

    /// <summary>The health-check rounds in flight (tests advance a FakeTimeProvider, then await this).</summary>
    public Task HealthRoundsAsync()
    {
        lock (resources.Gate)
        {
            return Task.WhenAll(resources.TargetGroups.Select(t => t.Runtime.LastRound));
        }
    }

    private void CheckAlbRegistrationsLocked(TargetGroup group, IReadOnlyList<string> ids)
    {
        if (group.Targets.Keys.Where(group.Runtime.IsRegistered).Union(ids).Distinct().Count() > 1)
        {
            throw new AwsSimException(E.TooManyTargets, "You can register only one Application Load Balancer with a target group of type 'alb'");
        }

        foreach (var id in ids)
        {
            var registrations = resources.TargetGroups.Count(t => t != group && t.TargetType == C.TargetTypeAlb && t.Targets.ContainsKey(id) && t.Runtime.IsRegistered(id));
            if (registrations >= 2)
            {
                throw new AwsSimException(E.TooManyRegistrationsForTargetId, $"The Application Load Balancer '{id}' is already the target of two target groups");
            }
        }
    }

    /// <summary>Where the data plane reaches a target: the instance's server, a loopback IP, or the ALB's listener.</summary>
    private IPEndPoint ResolveLocked(TargetGroup group, string id, int port)
    {
        switch (group.TargetType)
        {
            case C.TargetTypeInstance:
                return resources.Instances.EndpointOf(id)
                    ?? throw new AwsSimException(E.InvalidTarget, $"The following targets are not in a running state and can not be registered: '{id}'");
            case C.TargetTypeIp:
                return IPAddress.TryParse(id, out var address)
                    ? new IPEndPoint(IPAddress.IsLoopback(address) ? address : IPAddress.Loopback, port)
                    : throw new AwsSimException(E.InvalidTarget, $"The IP address '{id}' is not valid");
            default:
                var alb = resources.LoadBalancers.FirstOrDefault(b => b.Arn == id);
                if (alb is null || !alb.IsApplication)
                {
                    throw new AwsSimException(E.InvalidTarget, $"The target '{id}' is not a valid Application Load Balancer");
                }

                if (alb.VpcId != group.VpcId)
                {
                    throw new AwsSimException(E.InvalidTarget, $"The Application Load Balancer '{id}' must be in the same VPC as the target group");
                }

                var listener = resources.Listeners.FirstOrDefault(l => l.LoadBalancerArn == id && l.Port == port)
                    ?? throw new AwsSimException(E.InvalidTarget, $"The Application Load Balancer '{id}' must have a listener on port '{port}'");
                return listener.Loopback;
        }
    }
}
