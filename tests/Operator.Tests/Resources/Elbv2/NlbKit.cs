using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Elbv2;

/// <summary>The ELBv2 and Elastic IP managers over one <see cref="SimulatedAws"/>, and the set-up their tests share.</summary>
internal sealed class NlbKit(SimulatedAws aws)
{
    public static readonly string[] Subnets = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC];

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    public SimulatedAws Aws { get; } = aws;

    public NetworkLoadBalancerManager LoadBalancers { get; } = aws.Create<NetworkLoadBalancerManager>();

    public TargetGroupManager TargetGroups { get; } = aws.Create<TargetGroupManager>();

    public ListenerManager Listeners { get; } = aws.Create<ListenerManager>();

    public ElasticIpManager ElasticIps { get; } = aws.Create<ElasticIpManager>();

    public static ResourceOwner Owner(string name = "frontend") => SimulatedAws.Owner(name, "NlbFrontend");

    public static TargetGroupHealthCheck Check { get; } = new("HTTP", "/", "traffic-port", 10, 6, 3, 3, "200-399");

    /// <summary>Allocates an owned Elastic IP per subnet and describes the NLB that uses them.</summary>
    public async Task<NetworkLoadBalancerDesired> DesiredNlbAsync(ResourceOwner owner)
    {
        var mappings = new List<NlbSubnetMapping>();
        foreach (var subnet in Subnets)
        {
            var address = await ElasticIps.CreateAsync(new ElasticIpDesired(owner, subnet, null), Ct);
            mappings.Add(new NlbSubnetMapping(subnet, address.AllocationId));
        }

        return new NetworkLoadBalancerDesired(owner, Elbv2Names.LoadBalancer(owner), mappings);
    }

    public async Task<NetworkLoadBalancerObserved> NlbAsync(ResourceOwner owner) =>
        await LoadBalancers.CreateAsync(await DesiredNlbAsync(owner), Ct);

    public static TargetGroupDesired DesiredGroup(ResourceOwner owner, string color, int port = 80) =>
        new(owner, "target-group-" + color, Elbv2Names.TargetGroup(owner, color), SandboxNetwork.VpcId, port, Check, 30);

    /// <summary>An NLB with blue and green groups and its listener forwarding to blue.</summary>
    public async Task<(NetworkLoadBalancerObserved Nlb, TargetGroupObserved Blue, TargetGroupObserved Green, ListenerObserved Listener)> FrontendAsync(ResourceOwner owner)
    {
        var nlb = await NlbAsync(owner);
        var blue = await TargetGroups.CreateAsync(DesiredGroup(owner, "blue"), Ct);
        var green = await TargetGroups.CreateAsync(DesiredGroup(owner, "green"), Ct);
        var listener = await Listeners.CreateAsync(new ListenerDesired(owner, nlb.Arn, 80, blue.Arn), Ct);
        return (nlb, blue, green, listener);
    }

    /// <summary>An Application Load Balancer (as Elastic Beanstalk makes one) with an HTTP listener on <paramref name="port"/>.</summary>
    public async Task<string> AlbAsync(string name, int port = 80)
    {
        var alb = await Aws.Elbv2.CreateLoadBalancerAsync(new()
        {
            Name = name, Type = Elbv2Statuses.TypeApplication, Subnets = Subnets,
        }, Ct);
        var arn = alb.LoadBalancers![0].LoadBalancerArn!;
        var group = await Aws.Elbv2.CreateTargetGroupAsync(new()
        {
            Name = name + "-tg", Protocol = "HTTP", Port = port, VpcId = SandboxNetwork.VpcId, TargetType = "instance",
        }, Ct);
        await Aws.Elbv2.CreateListenerAsync(new()
        {
            LoadBalancerArn = arn, Protocol = "HTTP", Port = port,
            DefaultActions = [new Ebops.Operator.Aws.Elbv2.Action { Type = "forward", TargetGroupArn = group.TargetGroups![0].TargetGroupArn }],
        }, Ct);
        return arn;
    }
}
