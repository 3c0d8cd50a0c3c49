using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Rds;

public sealed class SubnetGroupManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private SubnetGroupManager manager = null!;
    private string[] subnets = [];

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        manager = aws.Create<SubnetGroupManager>();
        aws.World.Ec2.AddVpc("10.20.0.0/16", ("subnet-0000000000000000a", "10.20.0.0/24", "ap-northeast-2a"),
            ("subnet-0000000000000000b", "10.20.1.0/24", "ap-northeast-2b"), ("subnet-0000000000000000c", "10.20.2.0/24", "ap-northeast-2c"));
        subnets = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"];
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static SubnetGroupDesired Desired(string name, params string[] subnetIds) =>
        new(SimulatedAws.Owner(name), name + "-subnets", "ebops " + name, subnetIds);

    [Fact]
    public async Task Create_tags_the_group_and_read_diff_and_update_follow_the_subnets()
    {
        var desired = Desired("orders", subnets[0], subnets[1]);

        var created = await manager.CreateAsync(desired, Ct);
        var read = await manager.ReadAsync(desired.Name, ReadMode.Live, Ct);
        var tagged = await manager.WithTagsAsync(read!, Ct);

        Assert.Equal(read!.VpcId, created.VpcId);
        Assert.StartsWith("vpc-", read.VpcId, StringComparison.Ordinal);
        Assert.True(desired.Owner.Owns(tagged.Tags!, SubnetGroupDesired.Component));
        Assert.True(manager.Diff(desired, read!).IsEmpty);

        var grown = desired with { SubnetIds = subnets };
        var delta = manager.Diff(grown, read!);
        var updated = await manager.UpdateAsync(grown, read!, delta, Ct);

        Assert.Equal(["SubnetIds"], delta.Fields);
        Assert.Equal(subnets.Order(), updated.SubnetIds.Order());
        Assert.True(manager.Diff(grown, (await manager.ReadAsync(desired.Name, ReadMode.Live, Ct))!).IsEmpty);
        Assert.Equal(["CreateDBSubnetGroup", "ModifyDBSubnetGroup"], aws.Mutations("rds"));
    }

    [Fact]
    public async Task A_second_create_after_a_lost_response_returns_the_first_group()
    {
        var desired = Desired("orders", subnets[0], subnets[1]);

        await manager.CreateAsync(desired, Ct);
        var again = await manager.CreateAsync(desired, Ct);

        Assert.Equal("orders-subnets", again.Name);
        Assert.Equal(1, aws.Succeeded("rds", "CreateDBSubnetGroup"));
    }

    [Fact]
    public async Task Faults_never_create_a_second_group()
    {
        var desired = Desired("orders", subnets[0], subnets[1]);
        aws.World.Faults.Add(FaultRule.Throttle("rds", "DescribeDBSubnetGroups", count: 1));
        aws.World.Faults.Add(FaultRule.ServerError("rds", "ListTagsForResource", count: 1));
        aws.World.Faults.SetConsistencyWindow("rds", TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        await manager.CreateAsync(desired, Ct);
        var hidden = await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        aws.Time.Advance(TimeSpan.FromSeconds(21));
        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        var found = await manager.CreateAsync(desired, Ct);

        Assert.True(hidden.IsAlreadyExists);
        Assert.Equal("orders-subnets", found.Name);
        Assert.Equal(1, aws.Succeeded("rds", "CreateDBSubnetGroup"));
    }

    [Fact]
    public async Task A_group_with_our_name_and_no_ebops_tags_is_a_conflict()
    {
        await aws.Rds.CreateDBSubnetGroupAsync(new CreateDBSubnetGroupRequest
        {
            DBSubnetGroupName = "orders-subnets", DBSubnetGroupDescription = "by hand", SubnetIds = [subnets[0], subnets[1]],
        }, Ct);

        var conflict = await Assert.ThrowsAsync<UnmanagedResourceException>(() => manager.CreateAsync(Desired("orders", subnets[0], subnets[1]), Ct));

        Assert.Contains("adoption-policy", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adopt_tags_a_hand_made_group_and_delete_is_idempotent()
    {
        await aws.Rds.CreateDBSubnetGroupAsync(new CreateDBSubnetGroupRequest
        {
            DBSubnetGroupName = "hand-made", DBSubnetGroupDescription = "by hand", SubnetIds = [subnets[0], subnets[1]],
        }, Ct);
        var desired = Desired("orders", subnets[0], subnets[1]) with { Name = "hand-made" };

        var found = await manager.ReadAsync("hand-made", ReadMode.Live, Ct);
        await manager.AdoptAsync(desired, found!, Ct);
        var tags = (await manager.WithTagsAsync(found!, Ct)).Tags!;
        await manager.DeleteAsync(found!, Ct);
        await manager.DeleteAsync(found!, Ct);

        Assert.Equal("true", tags[OwnershipTags.Adopted]);
        Assert.True(desired.Owner.Owns(tags, SubnetGroupDesired.Component));
        Assert.Null(await manager.ReadAsync("hand-made", ReadMode.Live, Ct));
    }

    [Fact]
    public async Task Steady_reads_of_many_groups_cost_one_describe()
    {
        for (var i = 0; i < 4; i++)
        {
            await manager.CreateAsync(Desired("db" + i, subnets[0], subnets[1]), Ct);
        }

        aws.World.Calls.Clear();
        for (var i = 0; i < 4; i++)
        {
            Assert.NotNull(await manager.ReadAsync($"db{i}-subnets", ReadMode.Cached, Ct));
        }

        Assert.Equal(["DescribeDBSubnetGroups"], aws.World.Calls.Actions("rds"));
    }
}
