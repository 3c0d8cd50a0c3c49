using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Elbv2;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.NlbFrontend.NlbFrontendHarness;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>Deletion under each policy, against the simulator.</summary>
public sealed class NlbFrontendDeletionTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private NlbFrontendHarness h = null!;

    public async ValueTask InitializeAsync()
    {
        h = await StartAsync();
        h.PutApp();
    }

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private async Task<bool> OwnedAddressExistsAsync(string subnet) =>
        await h.Kit.ElasticIps.ReadAsync(new ElasticIpDesired(NlbKit.Owner(), subnet, null), ReadMode.Live, Ct) is not null;

    [Fact]
    public async Task By_default_everything_is_deleted_in_reverse_order_and_the_owned_elastic_ips_released()
    {
        var frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        h.Aws.World.Calls.Clear();

        var outcome = await h.FinalizeAsync(frontend);

        Assert.True(outcome.Result?.IsDone);
        Assert.Equal(["DeleteListener", "DeleteTargetGroup", "DeleteTargetGroup", "DeleteLoadBalancer", "ReleaseAddress", "ReleaseAddress"], h.Mutations());
        Assert.Null(await h.Kit.LoadBalancers.ReadAsync(frontend.Status!.Aws!.Arn!.Split('/')[2], ReadMode.Live, Ct));
        Assert.False(await OwnedAddressExistsAsync(SandboxNetwork.SubnetA));
        Assert.False(await OwnedAddressExistsAsync(SandboxNetwork.SubnetC));
        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);
    }

    [Fact]
    public async Task A_given_elastic_ip_is_never_released()
    {
        var (given, _) = await h.Aws.Ec2.AllocateAddressAsync(new Dictionary<string, string>(), Ct);
        var frontend = Frontend("frontend", new NlbSubnet { SubnetId = SandboxNetwork.SubnetA, AllocationId = given }, new NlbSubnet { SubnetId = SandboxNetwork.SubnetC, Allocate = true });
        await h.CreateReadyAsync(frontend);
        h.Aws.World.Calls.Clear();

        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);

        Assert.Single(h.Aws.World.Calls.Find("ec2", "ReleaseAddress"));
        Assert.NotNull(await h.Kit.ElasticIps.ReadAsync(new ElasticIpDesired(NlbKit.Owner(), SandboxNetwork.SubnetA, given), ReadMode.Live, Ct));
    }

    [Fact]
    public async Task Retain_leaves_every_AWS_object()
    {
        var frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        frontend.Metadata.Annotations[EbopsAnnotations.DeletionPolicy] = "retain";
        h.Aws.World.Calls.Clear();

        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);

        Assert.Empty(h.Aws.World.Calls.All);
    }

    [Fact]
    public async Task Paused_deletes_nothing_and_says_so()
    {
        var frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        frontend.Metadata.Annotations[EbopsAnnotations.Paused] = "true";
        h.Aws.World.Calls.Clear();

        var outcome = await h.FinalizeAsync(frontend);

        Assert.False(outcome.Result?.IsDone);
        Assert.Empty(h.Aws.World.Calls.All);
        Assert.Equal("Paused", Reason(frontend, ConditionTypes.Synced));
    }

    [Fact]
    public async Task An_owned_elastic_ip_still_held_elsewhere_is_waited_for_not_forced()
    {
        var frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        var address = (await h.Kit.ElasticIps.ReadAsync(new ElasticIpDesired(NlbKit.Owner(), SandboxNetwork.SubnetA, null), ReadMode.Live, Ct))!;
        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);

        // Re-created, and its address picked up by a load balancer someone else made meanwhile.
        var again = Frontend();
        await h.CreateReadyAsync(again);
        var held = (await h.Kit.ElasticIps.ReadAsync(new ElasticIpDesired(NlbKit.Owner(), SandboxNetwork.SubnetA, null), ReadMode.Live, Ct))!;
        Assert.NotEqual(address.AllocationId, held.AllocationId);
        await h.Aws.Elbv2.DeleteListenerAsync(new() { ListenerArn = again.Status!.ListenerArn }, Ct);
        await h.Aws.Elbv2.DeleteLoadBalancerAsync(new() { LoadBalancerArn = again.Status.LoadBalancerArn }, Ct);
        await h.Aws.Elbv2.CreateLoadBalancerAsync(new()
        {
            Name = "someone-elses", Type = "network", SubnetMappings = [new Ebops.Operator.Aws.Elbv2.SubnetMapping { SubnetId = SandboxNetwork.SubnetA, AllocationId = held.AllocationId }],
        }, Ct);

        var outcome = await h.FinalizeAsync(again);

        Assert.Equal(h.Settings.BusyRequeue, outcome.Result?.Delay);
        Assert.Contains(held.AllocationId, Message(again, ConditionTypes.Reconciling), StringComparison.Ordinal);
        Assert.True(await OwnedAddressExistsAsync(SandboxNetwork.SubnetA));
    }

    [Fact]
    public async Task A_transient_failure_mid_deletion_resumes_without_repeating_what_is_done()
    {
        var frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        h.Aws.World.Faults.Add(FaultRule.ServerError(Service, "DeleteLoadBalancer", count: 1));
        h.Aws.World.Calls.Clear();

        Assert.NotNull((await h.FinalizeAsync(frontend)).Error);
        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);

        Assert.Equal(1, h.Aws.Succeeded(Service, "DeleteListener"));
        Assert.Equal(2, h.Aws.Succeeded(Service, "DeleteTargetGroup"));
        Assert.Equal(1, h.Aws.Succeeded(Service, "DeleteLoadBalancer"));
        Assert.Equal(2, h.Aws.Succeeded("ec2", "ReleaseAddress"));
    }
}
