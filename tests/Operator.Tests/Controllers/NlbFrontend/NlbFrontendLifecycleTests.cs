using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.NlbFrontend.NlbFrontendHarness;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>The NlbFrontend controller against the simulator: create, wait, steady state.</summary>
public sealed class NlbFrontendLifecycleTests : IAsyncLifetime
{
    private NlbFrontendHarness h = null!;

    public async ValueTask InitializeAsync() => h = await StartAsync();

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task The_first_reconciles_create_elastic_ips_nlb_target_groups_and_listener_then_report_Ready()
    {
        h.PutApp();
        var frontend = Frontend();

        var first = await h.ReconcileAsync(frontend);

        Assert.Equal(h.Settings.BusyRequeue, first.Result?.Delay);
        Assert.Equal("Provisioning", Reason(frontend, ConditionTypes.Reconciling));
        Assert.Equal(["AllocateAddress", "AllocateAddress"], h.Aws.Mutations("ec2"));
        Assert.Equal(["CreateLoadBalancer", "CreateTargetGroup", "ModifyTargetGroupAttributes", "CreateTargetGroup", "ModifyTargetGroupAttributes", "CreateListener"], h.Aws.Mutations(Service));
        Assert.Equal(6, h.Reasons.Count(r => r == "Created"));

        h.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await h.ReconcileAsync(frontend);

        Assert.Equal(h.Settings.PollInterval, second.Result?.Delay);
        var status = frontend.Status!;
        Assert.True(Conditions(frontend, ConditionTypes.Ready));
        Assert.Equal("InSync", Reason(frontend, ConditionTypes.Synced));
        Assert.Equal(1, status.ObservedGeneration);
        Assert.StartsWith("test-cluster-default-frontend-", status.DnsName, StringComparison.Ordinal);
        Assert.Equal(2, status.StaticIps!.Count);
        Assert.Equal(status.StaticIps, status.Addresses!.Select(a => a.PublicIp));
        Assert.All(status.Addresses!, a => Assert.True(a.Owned));
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], status.Addresses!.Select(a => a.SubnetId));
        Assert.Equal(status.LoadBalancerArn, status.Aws!.Arn);
        Assert.Equal((SandboxNetwork.Region, SandboxNetwork.AccountId), (status.Aws.Region, status.Aws.OwnerAccountId));
        Assert.Equal([DeploymentColor.Blue, DeploymentColor.Green], status.TargetGroups!.Select(g => g.Color));
        Assert.Equal([100, 0], status.TargetGroups!.Select(g => g.TrafficPercent));
        Assert.Equal(DeploymentColor.Blue, status.ActiveColor);
        Assert.Equal(status.TargetGroups![0].Arn, status.ActiveTargetGroupArn);
        Assert.NotNull(status.ListenerArn);
        Assert.Equal(6, h.Aws.Mutations(Service).Count); // the first reconcile's six: nothing more once in sync
    }

    [Fact]
    public async Task While_the_load_balancer_provisions_a_pass_reads_its_state_only_then_a_full_pass_makes_it_Ready()
    {
        h.PutApp();
        var frontend = Frontend();
        await h.ReconcileAsync(frontend);
        Assert.EndsWith(" is provisioning", Message(frontend, ConditionTypes.Reconciling), StringComparison.Ordinal);

        var before = h.Aws.World.Calls.Find(Service).Count;
        h.Aws.Time.Advance(TimeSpan.FromSeconds(15));
        var waiting = await h.ReconcileAsync(frontend);

        Assert.Equal(h.Settings.BusyRequeue, waiting.Result?.Delay);
        Assert.Equal(["DescribeLoadBalancers"], h.Aws.World.Calls.Find(Service).Skip(before).Select(c => c.Action));
        Assert.False(Conditions(frontend, ConditionTypes.Ready));

        h.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        await h.ReconcileAsync(frontend);
        Assert.True(Conditions(frontend, ConditionTypes.Ready));
        Assert.Contains("DescribeTargetGroups", h.Aws.World.Calls.Find(Service).Skip(before + 1).Select(c => c.Action));
    }

    [Fact]
    public async Task Without_a_Ready_backend_it_waits_and_writes_nothing()
    {
        var frontend = Frontend();

        var missing = await h.ReconcileAsync(frontend);
        Assert.Equal(h.Settings.DependencyRequeue, missing.Result?.Delay);
        Assert.Equal("WaitingForBeanstalkApp", Reason(frontend, ConditionTypes.Reconciling));
        Assert.Contains("BeanstalkApp myapp", Message(frontend, ConditionTypes.Ready), StringComparison.Ordinal);

        h.PutApp(ready: false);
        Assert.Equal(h.Settings.DependencyRequeue, (await h.ReconcileAsync(frontend)).Result?.Delay);
        Assert.Empty(h.Mutations());
        Assert.Equal(["myapp"], h.Controller.GetReferences(frontend).Select(r => r.Name));

        h.PutApp();
        await h.CreateReadyAsync(frontend);
    }

    [Fact]
    public async Task Given_elastic_ips_are_used_as_they_are_and_reported_as_not_owned()
    {
        h.PutApp();
        var (a, ipA) = await h.Aws.Ec2.AllocateAddressAsync(new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        var frontend = Frontend("given", new NlbSubnet { SubnetId = SandboxNetwork.SubnetA, AllocationId = a }, new NlbSubnet { SubnetId = SandboxNetwork.SubnetC, Allocate = true });

        await h.CreateReadyAsync(frontend);

        Assert.Equal([(a, ipA, false)], frontend.Status!.Addresses!.Take(1).Select(x => (x.AllocationId!, x.PublicIp!, x.Owned)));
        Assert.True(frontend.Status.Addresses![1].Owned);
        Assert.Equal(1, h.Aws.Succeeded("ec2", "AllocateAddress") - 1);
        Assert.DoesNotContain(h.Aws.World.Calls.Find("ec2", "CreateTags"), c => c.Parameters.Values.Contains(a));
    }

    [Fact]
    public async Task Steady_polls_cost_less_than_one_AWS_call_per_object()
    {
        var frontends = Enumerable.Range(1, 10).Select(i => Frontend($"frontend-{i}")).ToList();
        foreach (var frontend in frontends)
        {
            frontend.Spec.BackendRef.Name = "app-" + frontend.Metadata.Name;
            h.PutApp(name: frontend.Spec.BackendRef.Name);
        }

        foreach (var frontend in frontends)
        {
            Assert.Null((await h.ReconcileAsync(frontend)).Error);
        }

        h.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        foreach (var frontend in frontends)
        {
            var outcome = await h.ReconcileAsync(frontend);
            Assert.True(Conditions(frontend, ConditionTypes.Ready), $"{outcome} {Message(frontend, ConditionTypes.Ready)} {Message(frontend, ConditionTypes.Stalled)}");
        }

        h.Aws.Time.Advance(h.Settings.PollInterval);
        h.Aws.World.Calls.Clear();
        foreach (var frontend in frontends)
        {
            Assert.Equal(h.Settings.PollInterval, (await h.ReconcileAsync(frontend)).Result?.Delay);
        }

        // One snapshot per object type serves all ten: 7 calls for 10 objects.
        Assert.Equal(
            ["DescribeAddresses", "DescribeListeners", "DescribeLoadBalancers", "DescribeTags", "DescribeTags", "DescribeTags", "DescribeTargetGroups"],
            h.Aws.World.Calls.All.Select(c => c.Action).Order(StringComparer.Ordinal));
    }

    private static bool Conditions(Operator.Entities.NlbFrontend entity, string type) => Ebops.Operator.Runtime.Status.Conditions.IsTrue(entity.Status, type);
}
