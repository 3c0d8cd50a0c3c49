using System.Net;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// The world's one ELBv2 simulation: a store per aggregate (load balancers, target groups, targets, listeners, tags)
/// over shared <see cref="Elbv2Resources"/>, and the typed face the Elastic Beanstalk simulation uses to build its
/// environments' ALBs (the Query handler's operations call the stores directly). Load balancer states follow the clock;
/// listeners start their proxies at once; target health comes from the data plane's real health checks.
/// </summary>
public sealed class Elbv2State : IAsyncDisposable
{
    private readonly Elbv2Resources resources;

    private Elbv2State(SimWorld world, Elbv2Options options)
    {
        resources = new Elbv2Resources(world, options);
        LoadBalancers = new LoadBalancerStore(resources);
        TargetGroups = new TargetGroupStore(resources);
        Targets = new TargetStore(resources);
        Listeners = new ListenerStore(resources);
        Tags = new Elbv2TagStore(resources);
    }

    internal LoadBalancerStore LoadBalancers { get; }

    internal TargetGroupStore TargetGroups { get; }

    internal TargetStore Targets { get; }

    internal ListenerStore Listeners { get; }

    internal Elbv2TagStore Tags { get; }

    /// <summary>
    /// The world's one ELBv2 state, shared by the ELBv2 and EB handlers (created on first use with
    /// <paramref name="options"/>; later callers get the existing one). It locks <see cref="SimWorld.Gate"/>.
    /// </summary>
    public static Elbv2State For(SimWorld world, Elbv2Options? options = null)
        => world.Shared(() =>
        {
            var state = new Elbv2State(world, options ?? new Elbv2Options { Seed = world.Options.Seed });
            world.AddSecurityGroupUsage(state.SecurityGroupsInUse);
            return state;
        });

    /// <summary>Security groups attached to load balancers (EC2 refuses to delete them: DependencyViolation).</summary>
    public IEnumerable<SecurityGroupUse> SecurityGroupsInUse() => LoadBalancers.SecurityGroupsInUse();

    /// <summary>Every listener's loopback endpoint (the way to reach a simulated load balancer).</summary>
    public IReadOnlyList<LoadBalancerEndpoint> Endpoints() => Listeners.Endpoints();

    /// <summary>The loopback endpoint of a load balancer's listener, by ARN, name or DNS name; null when there is none.</summary>
    public IPEndPoint? FindEndpoint(string loadBalancer, int port)
        => Endpoints().FirstOrDefault(e => e.Port == port && (e.LoadBalancerArn == loadBalancer || e.LoadBalancerName == loadBalancer || string.Equals(e.DnsName, loadBalancer, StringComparison.OrdinalIgnoreCase)))?.Loopback;

    /// <summary>Request counters of an ALB's listener proxy on <paramref name="port"/>; null when absent.</summary>
    public ProxyCounters? AlbCounters(string loadBalancerArn, int port) => Listeners.AlbCounters(loadBalancerArn, port);

    /// <summary>Target health of a target group by ARN (all registered targets); null when the group does not exist.</summary>
    public IReadOnlyList<TargetHealthDescription>? TargetHealth(string targetGroupArn) => Targets.HealthOf(targetGroupArn);

    /// <summary>A JSON snapshot for the simulator's state dump: load balancers (with listener loopback endpoints), target groups and target health.</summary>
    public JsonNode DumpState()
    {
        lock (resources.Gate)
        {
            var now = resources.World.Time.GetUtcNow();
            return new JsonObject
            {
                ["loadBalancers"] = new JsonArray([.. resources.LoadBalancers.Select(b => (JsonNode)new JsonObject
                {
                    ["arn"] = b.Arn,
                    ["name"] = b.Name,
                    ["type"] = b.Type,
                    ["state"] = b.StateAt(now),
                    ["dnsName"] = b.DnsName,
                    ["tags"] = b.Tags.ToJson(),
                    ["elasticIps"] = new JsonArray([.. b.Zones.Where(z => z.AllocationId is not null).Select(z => (JsonNode)$"{z.AllocationId}={z.IpAddress}")]),
                    ["listeners"] = new JsonArray([.. resources.Listeners.Where(l => l.LoadBalancerArn == b.Arn).Select(l => (JsonNode)new JsonObject
                    {
                        ["arn"] = l.Arn,
                        ["protocol"] = l.Protocol,
                        ["port"] = l.Port,
                        ["loopback"] = l.Loopback.ToString(),
                        ["forwardTo"] = new JsonArray([.. l.TargetGroupArns().Select(a => (JsonNode)a)]),
                        ["weights"] = new JsonObject(l.DefaultActions.Where(a => a.Type == Elbv2Constants.Forward).Take(1)
                            .SelectMany(a => a.WeightedGroups()).Select(g => KeyValuePair.Create(g.Arn, (JsonNode?)g.Weight))),
                    })]),
                })]),
                ["targetGroups"] = new JsonArray([.. resources.TargetGroups.Select(t => (JsonNode)new JsonObject
                {
                    ["arn"] = t.Arn,
                    ["name"] = t.Name,
                    ["targetType"] = t.TargetType,
                    ["tags"] = t.Tags.ToJson(),
                    ["protocol"] = t.Protocol,
                    ["port"] = t.Port,
                    ["targets"] = new JsonArray([.. Targets.DescribeLocked(t, []).Select(h => (JsonNode)new JsonObject
                    {
                        ["id"] = h.Id,
                        ["port"] = h.Port,
                        ["state"] = h.State,
                        ["reason"] = h.Reason,
                    })]),
                })]),
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Listener> listeners;
        List<TargetGroup> groups;
        lock (resources.Gate)
        {
            listeners = [.. resources.Listeners];
            groups = [.. resources.TargetGroups];
            resources.Listeners.Clear();
            resources.TargetGroups.Clear();
            resources.LoadBalancers.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.DisposeProxyAsync().ConfigureAwait(false);
        }

        foreach (var group in groups)
        {
            await group.Runtime.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The members below are what the Elastic Beanstalk simulation calls to build and tear down its environments' ALBs.

    internal LoadBalancer CreateLoadBalancer(CreateLoadBalancerInput input) => LoadBalancers.Create(input);

    internal TargetGroup CreateTargetGroup(TargetGroupInput input) => TargetGroups.Create(input);

    internal TargetGroup ModifyTargetGroup(string arn, TargetGroupInput input) => TargetGroups.Modify(arn, input);

    internal IReadOnlyDictionary<string, string> ModifyTargetGroupAttributes(string arn, IReadOnlyList<KeyValuePair<string, string>> attributes)
        => TargetGroups.ModifyAttributes(arn, attributes);

    internal Listener CreateListener(string loadBalancerArn, string? protocol, int? port, IReadOnlyList<ListenerAction> actions, IReadOnlyList<KeyValuePair<string, string>> tags, bool hasCertificate)
        => Listeners.Create(loadBalancerArn, protocol, port, actions, tags, hasCertificate);

    internal void RegisterTargets(string arn, IReadOnlyList<TargetInput> targets) => Targets.Register(arn, targets);

    internal void DeregisterTargets(string arn, IReadOnlyList<TargetInput> targets) => Targets.Deregister(arn, targets);

    internal ValueTask DeleteLoadBalancerAsync(string arn) => LoadBalancers.DeleteAsync(arn);

    internal ValueTask DeleteTargetGroupAsync(string arn) => TargetGroups.DeleteAsync(arn);

    /// <summary>Waits for the health-check rounds in flight (tests advance a FakeTimeProvider, then await this).</summary>
    internal Task HealthRoundsAsync() => Targets.HealthRoundsAsync();
}
