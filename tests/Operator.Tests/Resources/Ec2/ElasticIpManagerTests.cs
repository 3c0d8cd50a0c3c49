using Ebops.Operator.Aws.Core;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Ec2;

public sealed class ElasticIpManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private ElasticIpManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        manager = aws.Create<ElasticIpManager>();
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static ElasticIpDesired Owned(string subnet = SandboxNetwork.SubnetA, string name = "frontend") =>
        new(SimulatedAws.Owner(name, "NlbFrontend"), subnet, null);

    [Fact]
    public async Task Create_allocates_an_address_tagged_at_allocation_and_read_finds_it_by_its_tags()
    {
        var desired = Owned();
        Assert.Null(await manager.ReadAsync(desired, Ct));

        var created = await manager.CreateAsync(desired, Ct);

        var read = await manager.ReadAsync(desired, Ct);
        Assert.Equal(created.AllocationId, read?.AllocationId);
        Assert.Equal(created.PublicIp, read?.PublicIp);
        Assert.Equal("eip-" + SandboxNetwork.SubnetA, read!.Tags[OwnershipTags.Component]);
        Assert.True(manager.Diff(desired, read).IsEmpty);
        Assert.Equal(["AllocateAddress"], aws.Mutations("ec2"));
        Assert.Contains(aws.World.Calls.Find("ec2", "AllocateAddress")[0].Parameters, p => p.Key.StartsWith("TagSpecification", StringComparison.Ordinal));
        Assert.Null(await manager.ReadAsync(Owned(SandboxNetwork.SubnetC), Ct));
    }

    [Fact]
    public async Task A_lost_allocate_response_never_allocates_a_second_address()
    {
        var first = await manager.CreateAsync(Owned(), Ct);

        // The caller never saw the answer and asks again, through a fresh manager (a restart).
        var restarted = aws.Create<ElasticIpManager>();
        var second = await restarted.CreateAsync(Owned(), Ct);

        Assert.Equal(first.AllocationId, second.AllocationId);
        Assert.Equal(1, aws.Succeeded("ec2", "AllocateAddress"));
    }

    [Fact]
    public async Task While_EC2_does_not_show_a_fresh_address_yet_a_second_create_returns_it_instead_of_allocating()
    {
        aws.World.Faults.SetConsistencyWindow("ec2", TimeSpan.FromSeconds(30));
        var first = await manager.CreateAsync(Owned(), Ct);

        var again = await manager.CreateAsync(Owned(), Ct);

        Assert.Equal(first.AllocationId, again.AllocationId);
        Assert.Equal(1, aws.Succeeded("ec2", "AllocateAddress"));
        aws.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(first.AllocationId, (await manager.ReadAsync(Owned(), Ct))?.AllocationId);
    }

    [Fact]
    public async Task After_an_ambiguous_failure_nothing_is_allocated_until_EC2_has_settled()
    {
        aws.World.Faults.Add(FaultRule.ServerError("ec2", "AllocateAddress", count: 1));
        var failed = await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(Owned(), Ct));
        Assert.Equal(AwsErrorKind.ServerError, failed.Kind);

        var pending = await Assert.ThrowsAsync<ElasticIpPendingException>(() => manager.CreateAsync(Owned(), Ct));
        Assert.Equal(SimulatedAws.Start + ElasticIpManager.SettleTime, pending.RetryAfter);
        Assert.Equal(0, aws.Succeeded("ec2", "AllocateAddress"));

        aws.Time.Advance(ElasticIpManager.SettleTime);
        var created = await manager.CreateAsync(Owned(), Ct);

        Assert.StartsWith("eipalloc-", created.AllocationId, StringComparison.Ordinal);
        Assert.Equal(1, aws.Succeeded("ec2", "AllocateAddress"));
    }

    [Fact]
    public async Task Throttling_is_not_ambiguous_and_the_next_create_allocates_at_once()
    {
        aws.World.Faults.Add(FaultRule.Throttle("ec2", "AllocateAddress", count: 1));
        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(Owned(), Ct));

        var created = await manager.CreateAsync(Owned(), Ct);

        Assert.Equal(created.AllocationId, (await manager.ReadAsync(Owned(), Ct))?.AllocationId);
        Assert.Equal(1, aws.Succeeded("ec2", "AllocateAddress"));
    }

    [Fact]
    public async Task A_given_address_is_read_by_id_and_never_tagged_allocated_or_diffed()
    {
        var (allocationId, publicIp) = await aws.Ec2.AllocateAddressAsync(new Dictionary<string, string> { ["team"] = "web" }, Ct);
        var given = new ElasticIpDesired(SimulatedAws.Owner("frontend", "NlbFrontend"), SandboxNetwork.SubnetA, allocationId);
        aws.World.Calls.Clear();

        var read = await manager.ReadAsync(given, Ct);

        Assert.Equal(publicIp, read?.PublicIp);
        Assert.False(read!.IsAssociated);
        Assert.True(manager.Diff(given, read).IsEmpty);
        await Assert.ThrowsAsync<InvalidOperationException>(() => manager.CreateAsync(given, Ct));
        Assert.Empty(aws.Mutations("ec2"));
        Assert.Null(await manager.ReadAsync(given with { AllocationId = "eipalloc-0000000000000000f" }, Ct));
    }

    [Fact]
    public async Task Missing_ownership_tags_are_drift_and_the_update_puts_them_back()
    {
        var desired = Owned();
        var created = await manager.CreateAsync(desired, Ct);
        await aws.Ec2.DeleteTagsAsync([created.AllocationId], [OwnershipTags.Uid], Ct);
        var uidless = (await manager.ReadAsync(new ElasticIpDesired(desired.Owner, desired.SubnetId, created.AllocationId), Ct))!;

        var delta = manager.Diff(desired, uidless);
        var updated = await manager.UpdateAsync(desired, uidless, delta, Ct);

        Assert.Equal(["Tags"], delta.Fields);
        Assert.Equal("uid-1", updated.Tags[OwnershipTags.Uid]);
        Assert.Equal(["AllocateAddress", "DeleteTags", "CreateTags"], aws.Mutations("ec2"));
    }

    [Fact]
    public async Task Steady_reads_of_many_addresses_cost_one_describe()
    {
        var subnets = new[] { SandboxNetwork.SubnetA, SandboxNetwork.SubnetC };
        foreach (var subnet in subnets)
        {
            await manager.CreateAsync(Owned(subnet), Ct);
            await manager.CreateAsync(Owned(subnet, "other"), Ct);
        }

        aws.Time.Advance(TimeSpan.FromMinutes(10));
        aws.World.Calls.Clear();
        foreach (var subnet in subnets)
        {
            Assert.NotNull(await manager.ReadAsync(Owned(subnet), ReadMode.Cached, Ct));
            Assert.NotNull(await manager.ReadAsync(Owned(subnet, "other"), ReadMode.Cached, Ct));
        }

        Assert.Equal(["DescribeAddresses"], aws.World.Calls.Actions("ec2"));
    }

    [Fact]
    public async Task Delete_releases_the_address_and_is_idempotent()
    {
        var created = await manager.CreateAsync(Owned(), Ct);

        await manager.DeleteAsync(created, Ct);
        await manager.DeleteAsync(created, Ct);

        Assert.Null(await manager.ReadAsync(Owned(), Ct));
        Assert.Equal(1, aws.Succeeded("ec2", "ReleaseAddress"));
    }
}
