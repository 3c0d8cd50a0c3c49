using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Tests.Aws.SimModel;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

/// <summary>The ELBv2 simulation in a world of its own on a FakeTimeProvider at realistic durations (scale 1), with a fake network.</summary>
internal sealed class Elbv2Rig : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> owned = [];

    public Elbv2Rig(double scale = 1)
    {
        var world = new SimWorld(new SimWorldOptions { TimeProvider = Time, Timing = new SimTiming(scale), Network = _ => Network });
        Handler = (Elbv2Handler)Elbv2Handler.WithOptions(new Elbv2Options { Seed = 7 })(world);
        State = Handler.State;
        Instances = world.Shared(() => new InstanceRegistry());
        Call = new ModelCaller(Handler, "elasticloadbalancingv2-2015-12-01");
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public FakeSimNetwork Network { get; } = new();

    public InstanceRegistry Instances { get; }

    public Elbv2State State { get; }

    public Elbv2Handler Handler { get; }

    public ModelCaller Call { get; }

    public XNamespace Ns => Call.Ns;

    public InstanceServer Instance(string id, string version, Func<InstanceBehavior>? behavior = null)
    {
        var server = new InstanceServer(id, version, behavior, Time);
        owned.Add(server);
        Instances.Add(server);
        return server;
    }

    /// <summary>Advances the clock in 5 s steps, awaiting the health-check rounds each step starts.</summary>
    public async Task AdvanceAsync(TimeSpan total)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += TimeSpan.FromSeconds(5))
        {
            Time.Advance(TimeSpan.FromSeconds(5));
            await State.HealthRoundsAsync();
        }
    }

    public async Task<string> CreateAlbAsync(string name)
    {
        var result = await Call.CallAsync("CreateLoadBalancer", ("Name", name), ("Type", "application"), ("Subnets.member.1", SandboxNetwork.SubnetA), ("Subnets.member.2", SandboxNetwork.SubnetC));
        return Call.Text(result, "LoadBalancers/member/LoadBalancerArn")!;
    }

    public async Task<string> CreateNlbAsync(string name, params string[] allocations)
    {
        var parameters = new List<(string, string)> { ("Name", name), ("Type", "network") };
        string[] subnets = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC];
        for (var i = 0; i < subnets.Length; i++)
        {
            parameters.Add(($"SubnetMappings.member.{i + 1}.SubnetId", subnets[i]));
            if (i < allocations.Length)
            {
                parameters.Add(($"SubnetMappings.member.{i + 1}.AllocationId", allocations[i]));
            }
        }

        var result = await Call.CallAsync("CreateLoadBalancer", [.. parameters]);
        return Call.Text(result, "LoadBalancers/member/LoadBalancerArn")!;
    }

    public async Task<string> CreateTargetGroupAsync(string name, string type, string protocol, params (string Key, string Value)[] extra)
    {
        var result = await Call.CallAsync("CreateTargetGroup", [("Name", name), ("TargetType", type), ("Protocol", protocol), ("Port", "80"), ("VpcId", SandboxNetwork.VpcId), .. extra]);
        return Call.Text(result, "TargetGroups/member/TargetGroupArn")!;
    }

    public async Task<string> CreateListenerAsync(string loadBalancerArn, string protocol, string targetGroupArn)
    {
        var result = await Call.CallAsync(
            "CreateListener",
            ("LoadBalancerArn", loadBalancerArn),
            ("Protocol", protocol),
            ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"),
            ("DefaultActions.member.1.TargetGroupArn", targetGroupArn));
        return Call.Text(result, "Listeners/member/ListenerArn")!;
    }

    /// <summary>An environment-like stack: instances answering <paramref name="version"/> behind an ALB with an HTTP:80 listener.</summary>
    public async Task<(string AlbArn, string InstanceGroupArn)> AlbStackAsync(string name, string version, int instances = 2)
    {
        var alb = await CreateAlbAsync(name);
        var group = await CreateTargetGroupAsync($"{name}-tg", "instance", "HTTP", ("HealthCheckPath", "/health"), ("HealthyThresholdCount", "2"), ("HealthCheckIntervalSeconds", "10"));
        var targets = new List<(string, string)> { ("TargetGroupArn", group) };
        for (var i = 0; i < instances; i++)
        {
            var server = Instance($"i-{name}{i}", version);
            targets.Add(($"Targets.member.{i + 1}.Id", server.InstanceId));
        }

        await Call.CallAsync("RegisterTargets", [.. targets]);
        await CreateListenerAsync(alb, "HTTP", group);
        return (alb, group);
    }

    /// <summary>Two environment-like ALB stacks (blue 1.0.0, green 1.0.1), an NLB on an Elastic IP with an alb-type group per
    /// stack, and a TCP:80 listener forwarding to blue; 30 s on, so blue's group is healthy.</summary>
    public async Task<(string Nlb, string BlueTg, string GreenTg, string Listener)> FrontAsync()
    {
        var (nlb, _, _, blueTg, greenTg, listener) = await FrontWithAlbsAsync();
        return (nlb, blueTg, greenTg, listener);
    }

    /// <summary><see cref="FrontAsync"/>, also naming the two ALBs.</summary>
    public async Task<(string Nlb, string BlueAlb, string GreenAlb, string BlueTg, string GreenTg, string Listener)> FrontWithAlbsAsync()
    {
        var (blueAlb, _) = await AlbStackAsync("blue", "1.0.0");
        var (greenAlb, _) = await AlbStackAsync("green", "1.0.1");
        var nlb = await CreateNlbAsync("front", Network.AllocateElasticIp());
        var blueTg = await CreateTargetGroupAsync("front-blue", "alb", "TCP", ("HealthCheckIntervalSeconds", "10"), ("HealthyThresholdCount", "2"));
        var greenTg = await CreateTargetGroupAsync("front-green", "alb", "TCP", ("HealthCheckIntervalSeconds", "10"), ("HealthyThresholdCount", "2"));
        await Call.CallAsync("RegisterTargets", ("TargetGroupArn", blueTg), ("Targets.member.1.Id", blueAlb));
        await Call.CallAsync("RegisterTargets", ("TargetGroupArn", greenTg), ("Targets.member.1.Id", greenAlb));
        var listener = await CreateListenerAsync(nlb, "TCP", blueTg);
        await AdvanceAsync(TimeSpan.FromSeconds(30));
        return (nlb, blueAlb, greenAlb, blueTg, greenTg, listener);
    }

    public async Task<IReadOnlyList<(string Id, string State, string? Reason)>> HealthAsync(string targetGroupArn)
    {
        var result = await Call.CallAsync("DescribeTargetHealth", ("TargetGroupArn", targetGroupArn));
        return [.. Call.Members(result, "TargetHealthDescriptions").Select(m => (Call.Text(m, "Target/Id")!, Call.Text(m, "TargetHealth/State")!, Call.Text(m, "TargetHealth/Reason")))];
    }

    public async ValueTask DisposeAsync()
    {
        await State.DisposeAsync();
        foreach (var owned in owned)
        {
            await owned.DisposeAsync();
        }
    }
}
