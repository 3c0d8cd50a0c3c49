using System.Net;
using System.Net.Sockets;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// Listeners and the proxies that serve them: an ALB listener is an <see cref="AlbProxy"/>, an NLB listener an
/// <see cref="NlbListenerProxy"/> on a stable loopback port. CreateListener is idempotent (the same settings on the same
/// port answer the existing listener; other settings there are DuplicateListener); ModifyListener switches the proxy's
/// weighted forward with one reference write. Every member takes <see cref="SimWorld.Gate"/> and awaits only after
/// releasing it.
/// </summary>
internal sealed class ListenerStore(Elbv2Resources resources)
{
    public Listener Create(string loadBalancerArn, string? protocol, int? port, IReadOnlyList<ListenerAction> actions, IReadOnlyList<KeyValuePair<string, string>> tags, bool hasCertificate)
    {
        lock (resources.Gate)
        {
            var lb = resources.FindLoadBalancerLocked(loadBalancerArn);
            protocol ??= lb.IsApplication ? "HTTP" : "TCP";
            port ??= protocol is "HTTPS" or "TLS" ? 443 : 80;
            if (resources.Listeners.FirstOrDefault(l => l.LoadBalancerArn == lb.Arn && l.Port == port) is { } existing
                && existing.Protocol == protocol && (hasCertificate || protocol is not ("HTTPS" or "TLS"))
                && existing.DefaultActions.Count == actions.Count
                && existing.DefaultActions.Zip(actions).All(pair => pair.First.SameAs(pair.Second)))
            {
                // CreateListener is idempotent: the same settings answer the existing listener.
                return existing;
            }

            ValidateLocked(lb, protocol, port.Value, actions, hasCertificate, except: null);
            var arn = resources.Arn($"listener/{(lb.IsApplication ? "app" : "net")}/{lb.Name}/{lb.Arn[(lb.Arn.LastIndexOf('/') + 1)..]}/{resources.Ids.HexString(16)}");
            var listener = new Listener
            {
                Arn = arn,
                LoadBalancerArn = lb.Arn,
                Port = port.Value,
                Protocol = protocol,
                DefaultActions = [.. actions],
                Alb = lb.IsApplication ? StartAlbProxyLocked(lb, arn) : null,
                Nlb = lb.IsApplication ? null : StartNlbProxyLocked(arn),
            };
            SwitchLocked(listener, actions);
            listener.Tags.Add(tags);
            resources.Listeners.Add(listener);
            resources.RecomputeUsageLocked();
            Log.ListenerStarted(resources.Log, protocol, port.Value, lb.Name, listener.Loopback);
            return listener;
        }
    }

    public IReadOnlyList<Listener> Describe(string? loadBalancerArn, IReadOnlyList<string> arns)
    {
        if (loadBalancerArn is null && arns.Count == 0)
        {
            throw Elbv2Errors.Validation("You must specify either listener ARNs or a load balancer ARN");
        }

        lock (resources.Gate)
        {
            if (loadBalancerArn is not null)
            {
                resources.FindLoadBalancerLocked(loadBalancerArn);
                return [.. resources.Listeners.Where(l => l.LoadBalancerArn == loadBalancerArn && (arns.Count == 0 || arns.Contains(l.Arn)))];
            }

            var missing = arns.FirstOrDefault(a => resources.Listeners.All(l => l.Arn != a));
            return missing is not null
                ? throw Elbv2Errors.ListenerNotFound(missing)
                : [.. arns.Distinct().Select(a => resources.Listeners.First(l => l.Arn == a))];
        }
    }

    /// <summary>ModifyListener: protocol, port and default actions (unset ones keep their values); the switch takes effect at once.</summary>
    public Listener Modify(string arn, string? protocol, int? port, IReadOnlyList<ListenerAction>? actions, bool hasCertificate)
    {
        lock (resources.Gate)
        {
            var listener = resources.Listeners.FirstOrDefault(l => l.Arn == arn) ?? throw Elbv2Errors.ListenerNotFound(arn);
            var lb = resources.FindLoadBalancerLocked(listener.LoadBalancerArn);
            var newProtocol = protocol ?? listener.Protocol;
            var newPort = port ?? listener.Port;
            var newActions = actions ?? listener.DefaultActions;
            ValidateLocked(lb, newProtocol, newPort, newActions, hasCertificate || listener.Protocol is "HTTPS" or "TLS", except: listener);
            listener.Protocol = newProtocol;
            listener.Port = newPort;
            listener.DefaultActions = [.. newActions];
            SwitchLocked(listener, newActions);
            resources.RecomputeUsageLocked();
            Log.ListenerSwitched(resources.Log, listener.Arn, newActions.FirstOrDefault(a => a.Type == C.Forward)?.Describe());
            return listener;
        }
    }

    public async ValueTask DeleteAsync(string arn)
    {
        Listener listener;
        lock (resources.Gate)
        {
            listener = resources.Listeners.FirstOrDefault(l => l.Arn == arn) ?? throw Elbv2Errors.ListenerNotFound(arn);
            resources.Listeners.Remove(listener);
            resources.RecomputeUsageLocked();
        }

        await listener.DisposeProxyAsync().ConfigureAwait(false);
    }

    /// <summary>Every listener's loopback endpoint (the way to reach a simulated load balancer).</summary>
    public IReadOnlyList<LoadBalancerEndpoint> Endpoints()
    {
        lock (resources.Gate)
        {
            return [.. resources.Listeners.Select(l =>
            {
                var lb = resources.LoadBalancers.First(b => b.Arn == l.LoadBalancerArn);
                return new LoadBalancerEndpoint(lb.Arn, lb.Name, lb.Type, lb.DnsName, l.Arn, l.Protocol, l.Port, l.Loopback);
            })];
        }
    }

    /// <summary>Request counters of an ALB's listener proxy on <paramref name="port"/>; null when absent.</summary>
    public ProxyCounters? AlbCounters(string loadBalancerArn, int port)
    {
        lock (resources.Gate)
        {
            return resources.Listeners.FirstOrDefault(l => l.LoadBalancerArn == loadBalancerArn && l.Port == port)?.Alb?.Counters;
        }
    }

    /// <summary>
    /// The switch: one reference write in the proxy; new connections (NLB) or requests (ALB) follow the new weights.
    /// Target group stickiness lasts its duration scaled like every other simulated duration.
    /// </summary>
    private void SwitchLocked(Listener listener, IReadOnlyList<ListenerAction> actions)
    {
        var forward = actions.Where(a => a.Type == C.Forward).OrderBy(a => a.Order ?? int.MaxValue).FirstOrDefault();
        var weighted = forward is null ? null : new WeightedForward(
            [.. forward.WeightedGroups().Select(g => new WeightedTargetGroup(resources.TargetGroups.First(t => t.Arn == g.Arn).Runtime, g.Weight))],
            forward.Sticky ? resources.World.Timing.Of(TimeSpan.FromSeconds(forward.StickinessSeconds!.Value)) : null);
        if (listener.Alb is not null)
        {
            listener.Alb.Forward = weighted;
        }
        else
        {
            listener.Nlb!.Forward = weighted;
        }
    }

    private AlbProxy StartAlbProxyLocked(LoadBalancer lb, string arn)
    {
        var alb = new AlbProxy(lb.Name, resources.World.Time, seed: SeedOf(arn));
        LoadBalancerStore.ApplyAlbAttributes(resources.World.Timing, lb, alb);
        return alb;
    }

    private NlbListenerProxy StartNlbProxyLocked(string arn)
    {
        var basePort = resources.Options.NlbListenerBasePort;
        if (basePort == 0)
        {
            return new NlbListenerProxy(seed: SeedOf(arn), time: resources.World.Time);
        }

        var used = resources.Listeners.Where(l => l.Nlb is not null).Select(l => l.Nlb!.Endpoint.Port).ToHashSet();
        for (var port = basePort; port < basePort + 1000 && port <= IPEndPoint.MaxPort; port++)
        {
            if (used.Contains(port))
            {
                continue;
            }

            try
            {
                return new NlbListenerProxy(port, SeedOf(arn), resources.World.Time);
            }
            catch (SocketException)
            {
                // Taken by another process: try the next port.
            }
        }

        throw new AwsSimException("InternalFailure", "No free loopback port for the NLB listener", 500, senderFault: false);
    }

    /// <summary>
    /// A listener's seed for its weighted choices: a stable hash (FNV-1a) of its ARN, so a seeded world repeats its
    /// choices without drawing from the id sequence (later ids stay what they were).
    /// </summary>
    private static int SeedOf(string listenerArn)
    {
        var hash = 2166136261u;
        foreach (var c in listenerArn)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }

    private void ValidateLocked(LoadBalancer lb, string protocol, int port, IReadOnlyList<ListenerAction> actions, bool hasCertificate, Listener? except)
    {
        var allowed = lb.IsApplication ? new[] { "HTTP", "HTTPS" } : ["TCP", "TLS", "UDP", "TCP_UDP"];
        if (!allowed.Contains(protocol))
        {
            throw Elbv2Errors.Validation($"Listener protocol '{protocol}' must be one of '{string.Join(", ", allowed)}'");
        }

        if (port is < 1 or > 65535)
        {
            throw Elbv2Errors.Validation($"Listener port '{port}' must be between 1 and 65535");
        }

        if (protocol is "HTTPS" or "TLS" && !hasCertificate)
        {
            throw Elbv2Errors.Validation($"A certificate must be specified for {protocol} listeners");
        }

        if (resources.Listeners.Any(l => l != except && l.LoadBalancerArn == lb.Arn && l.Port == port))
        {
            throw new AwsSimException(E.DuplicateListener, $"A listener already exists on this port for this load balancer '{lb.Arn}'");
        }

        if (actions.Count == 0)
        {
            throw Elbv2Errors.Validation("At least one default action must be specified");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            ValidateActionLocked(lb, protocol, actions[i], i + 1);
        }
    }

    private void ValidateActionLocked(LoadBalancer lb, string protocol, ListenerAction action, int n)
    {
        if (action.Type == C.FixedResponse && !lb.IsApplication)
        {
            throw new AwsSimException(E.InvalidLoadBalancerAction, "Fixed-response actions are supported only by Application Load Balancers");
        }

        if (action.Type is not (C.Forward or C.FixedResponse))
        {
            throw Elbv2Errors.Validation($"Action type '{action.Type}' is not supported by this simulator (forward, fixed-response)");
        }

        if (action.Type != C.Forward)
        {
            return;
        }

        ForwardActionRules.CheckShape(action, n);
        var groups = action.TargetGroupArns()
            .Select(arn => resources.TargetGroups.FirstOrDefault(t => t.Arn == arn) ?? throw Elbv2Errors.TargetGroupNotFound(arn))
            .ToList();
        ForwardActionRules.CheckGroups(lb, protocol, action, groups, resources.LoadBalancerArnsLocked);
    }
}
