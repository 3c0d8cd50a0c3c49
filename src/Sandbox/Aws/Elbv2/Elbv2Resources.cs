using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using Microsoft.Extensions.Logging;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// What the ELBv2 stores share: the three resource lists, the world's services they lean on (gate, clock, network,
/// running instances, faults) and the look-ups that cross aggregates (which load balancers a target group serves, which
/// groups are in use, whose tags an ARN names). Members ending in <c>Locked</c> expect <see cref="SimWorld.Gate"/> held.
/// </summary>
internal sealed class Elbv2Resources
{
    public Elbv2Resources(SimWorld world, Elbv2Options options)
    {
        World = world;
        Options = options;
        Ids = new SimIds(options.Seed, world.Region, world.AccountId);
        Instances = world.Shared(() => new InstanceRegistry());
        Log = world.LoggerFactory.CreateLogger("Ebops.Sandbox.Aws.Elbv2");
    }

    public SimWorld World { get; }

    public Elbv2Options Options { get; }

    /// <summary>ELBv2's own id source (seeded by <see cref="Elbv2Options.Seed"/>), so its ARNs and DNS names repeat.</summary>
    public SimIds Ids { get; }

    public InstanceRegistry Instances { get; }

    public ILogger Log { get; }

    public Lock Gate => World.Gate;

    public ISimNetwork Network => World.Network;

    public List<LoadBalancer> LoadBalancers { get; } = [];

    public List<TargetGroup> TargetGroups { get; } = [];

    public List<Listener> Listeners { get; } = [];

    /// <summary><c>arn:aws:elasticloadbalancing:{region}:{account}:{resource}</c>.</summary>
    public string Arn(string resource) => $"arn:aws:elasticloadbalancing:{World.Region}:{World.AccountId}:{resource}";

    /// <summary>True while a freshly created resource is hidden from describes (eventual consistency fault).</summary>
    public bool Hidden(string arn) => World.Faults.IsHidden(C.SigningName, arn);

    public LoadBalancer FindLoadBalancerLocked(string arn)
        => LoadBalancers.FirstOrDefault(b => b.Arn == arn) ?? throw Elbv2Errors.LoadBalancerNotFound();

    public TargetGroup FindTargetGroupLocked(string arn)
        => TargetGroups.FirstOrDefault(t => t.Arn == arn) ?? throw Elbv2Errors.TargetGroupNotFound();

    /// <summary>The load balancers whose listeners forward to <paramref name="group"/>.</summary>
    public List<string> LoadBalancerArnsLocked(TargetGroup group)
        => [.. Listeners.Where(l => l.TargetGroupArns().Contains(group.Arn)).Select(l => l.LoadBalancerArn).Distinct()];

    /// <summary>A group is checked (and its targets leave <c>unused</c>) while a listener forwards to it.</summary>
    public void RecomputeUsageLocked()
    {
        var used = Listeners.SelectMany(l => l.TargetGroupArns()).ToHashSet(StringComparer.Ordinal);
        foreach (var group in TargetGroups)
        {
            group.Runtime.InUse = used.Contains(group.Arn) && group.HealthCheckEnabled;
        }
    }

    /// <summary>The tags of a load balancer, target group or listener by ARN; the matching not-found error otherwise.</summary>
    public TagList TagsLocked(string arn)
    {
        if (LoadBalancers.FirstOrDefault(b => b.Arn == arn) is { } lb)
        {
            return lb.Tags;
        }

        if (TargetGroups.FirstOrDefault(t => t.Arn == arn) is { } group)
        {
            return group.Tags;
        }

        if (Listeners.FirstOrDefault(l => l.Arn == arn) is { } listener)
        {
            return listener.Tags;
        }

        throw arn.Contains(":targetgroup/", StringComparison.Ordinal) ? Elbv2Errors.TargetGroupNotFound()
            : arn.Contains(":listener/", StringComparison.Ordinal) ? Elbv2Errors.ListenerNotFound(arn)
            : Elbv2Errors.LoadBalancerNotFound();
    }
}
