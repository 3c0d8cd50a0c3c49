using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Elbv2;

public sealed class NetworkLoadBalancerManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private NlbKit kit = null!;

    private NetworkLoadBalancerManager Manager => kit.LoadBalancers;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        kit = new NlbKit(aws);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task Create_makes_an_internet_facing_nlb_with_one_mapping_and_elastic_ip_per_subnet_tagged_at_creation()
    {
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());

        var created = await Manager.CreateAsync(desired, Ct);

        Assert.Equal("test-cluster-default-frontend", created.Name);
        Assert.Equal(Elbv2Statuses.TypeNetwork, created.Type);
        Assert.Equal(Elbv2Statuses.SchemeInternetFacing, created.Scheme);
        Assert.Equal(SandboxNetwork.VpcId, created.VpcId);
        Assert.Equal(desired.Subnets.Select(s => $"{s.SubnetId}={s.AllocationId}"), created.Zones.Select(z => $"{z.SubnetId}={z.AllocationId}"));
        Assert.All(created.Zones, z => Assert.NotNull(z.IpAddress));
        var read = (await Manager.ReadAsync(desired, Ct))!;
        Assert.True(desired.Owner.Owns(read.Tags, NetworkLoadBalancerDesired.Component));
        Assert.True(Manager.Diff(desired, read).IsEmpty);
        Assert.True(NetworkLoadBalancerManager.FixedDiff(desired, read).IsEmpty);
        Assert.Contains(aws.World.Calls.Find("elasticloadbalancing", "CreateLoadBalancer")[0].Parameters, p => p.Key.StartsWith("Tags.member", StringComparison.Ordinal));
        foreach (var subnet in desired.Subnets)
        {
            Assert.True((await kit.ElasticIps.ReadAsync(new ElasticIpDesired(desired.Owner, subnet.SubnetId, subnet.AllocationId), Ct))!.IsAssociated);
        }
    }

    [Fact]
    public async Task It_provisions_then_turns_active()
    {
        var created = await kit.NlbAsync(NlbKit.Owner());
        Assert.Equal(Elbv2Statuses.LoadBalancerProvisioning, created.State);

        aws.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True((await Manager.ReadAsync(created.Name, ReadMode.Live, Ct))!.IsActive);
    }

    [Fact]
    public async Task A_lost_create_response_is_found_by_name_and_never_duplicated()
    {
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());
        var first = await Manager.CreateAsync(desired, Ct);

        var again = await new NlbKit(aws).LoadBalancers.CreateAsync(desired, Ct);

        Assert.Equal(first.Arn, again.Arn);
        Assert.Equal(1, aws.Succeeded("elasticloadbalancing", "CreateLoadBalancer"));
    }

    [Fact]
    public async Task A_load_balancer_created_moments_ago_that_AWS_does_not_show_yet_reads_as_created()
    {
        aws.World.Faults.SetConsistencyWindow("elasticloadbalancing", TimeSpan.FromMinutes(1));
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());
        var created = await Manager.CreateAsync(desired, Ct);

        Assert.Equal(created.Arn, (await Manager.ReadAsync(desired.Name, ReadMode.Live, Ct))?.Arn);
        Assert.Equal(created.Arn, (await Manager.CreateAsync(desired, Ct)).Arn);
        Assert.Null(await new NlbKit(aws).LoadBalancers.ReadAsync(desired.Name, ReadMode.Live, Ct));
        Assert.Equal(1, aws.Succeeded("elasticloadbalancing", "CreateLoadBalancer"));

        aws.Time.Advance(NetworkLoadBalancerManager.SettleTime);
        Assert.Equal(created.Arn, (await Manager.ReadAsync(desired.Name, ReadMode.Live, Ct))?.Arn);
    }

    [Fact]
    public async Task A_load_balancer_with_the_name_but_without_ebops_tags_or_of_another_owner_is_never_taken()
    {
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());
        await aws.Elbv2.CreateLoadBalancerAsync(new() { Name = desired.Name, Type = "network", Subnets = NlbKit.Subnets }, Ct);

        var unmanaged = await Assert.ThrowsAsync<UnmanagedResourceException>(() => Manager.CreateAsync(desired, Ct));
        Assert.Contains("not managed by ebops", unmanaged.Message, StringComparison.Ordinal);

        var other = desired with { Owner = desired.Owner with { Name = "someone-else" } };
        var arn = (await Manager.ReadAsync(desired, Ct))!.Arn;
        await aws.Elbv2.AddTagsAsync(new() { ResourceArns = [arn], Tags = Elbv2TagsOf(desired.Owner) }, Ct);
        var owned = await Assert.ThrowsAsync<UnmanagedResourceException>(() => Manager.CreateAsync(other, Ct));
        Assert.Contains("belongs to another ebops object", owned.Message, StringComparison.Ordinal);
        Assert.Equal(1, aws.Succeeded("elasticloadbalancing", "CreateLoadBalancer"));
    }

    [Fact]
    public async Task Missing_tags_are_drift_and_the_update_adds_them_including_the_adoption_mark()
    {
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());
        var created = await Manager.CreateAsync(desired, Ct);
        await aws.Elbv2.RemoveTagsAsync(new() { ResourceArns = [created.Arn], TagKeys = [OwnershipTags.Uid] }, Ct);
        var adopted = desired with { Adopted = true };
        var read = (await Manager.ReadAsync(desired, Ct))!;

        var delta = Manager.Diff(adopted, read);
        var updated = await Manager.UpdateAsync(adopted, read, delta, Ct);

        Assert.Equal(["Tags"], delta.Fields);
        Assert.True(updated.IsAdopted);
        Assert.True((await Manager.ReadAsync(desired, Ct))!.IsAdopted);
        Assert.True(Manager.Diff(adopted, updated).IsEmpty);
    }

    [Fact]
    public async Task Subnets_and_elastic_ips_that_differ_are_reported_as_fixed_not_as_updatable()
    {
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());
        var created = await Manager.CreateAsync(desired, Ct);
        var moved = desired with { Subnets = [desired.Subnets[0], desired.Subnets[1] with { AllocationId = "eipalloc-0ffffffffffffffff" }] };

        Assert.Equal(["AllocationIds"], NetworkLoadBalancerManager.FixedDiff(moved, created).Fields);
        Assert.True(Manager.Diff(moved, created).IsEmpty);
    }

    [Fact]
    public async Task Steady_reads_of_many_load_balancers_cost_one_describe_and_one_tag_read()
    {
        var names = new List<string>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            names.Add((await kit.NlbAsync(NlbKit.Owner(name))).Name);
        }

        aws.Time.Advance(TimeSpan.FromMinutes(10));
        aws.World.Calls.Clear();
        foreach (var name in names)
        {
            Assert.NotNull(await Manager.ReadAsync(name, ReadMode.Cached, Ct));
        }

        Assert.Equal(["DescribeLoadBalancers", "DescribeTags"], aws.World.Calls.Actions("elasticloadbalancing"));
    }

    [Fact]
    public async Task Delete_is_idempotent_and_frees_the_elastic_ips()
    {
        var desired = await kit.DesiredNlbAsync(NlbKit.Owner());
        var created = await Manager.CreateAsync(desired, Ct);

        await Manager.DeleteAsync(created, Ct);
        await Manager.DeleteAsync(created, Ct);

        Assert.Null(await Manager.ReadAsync(desired, Ct));
        foreach (var subnet in desired.Subnets)
        {
            Assert.False((await kit.ElasticIps.ReadAsync(new ElasticIpDesired(desired.Owner, subnet.SubnetId, subnet.AllocationId), Ct))!.IsAssociated);
        }
    }

    private static List<Tag> Elbv2TagsOf(ResourceOwner owner) =>
        [.. owner.Tags(NetworkLoadBalancerDesired.Component).Select(t => new Tag { Key = t.Key, Value = t.Value })];
}
