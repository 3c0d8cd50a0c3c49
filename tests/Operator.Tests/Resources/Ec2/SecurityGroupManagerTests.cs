using Ebops.Operator.Aws.Core;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Ec2;

public sealed class SecurityGroupManagerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private SecurityGroupManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        manager = aws.Create<SecurityGroupManager>();
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static SecurityGroupDesired Desired(string name, params IngressRule[] rules) => new(
        SimulatedAws.Owner(name), "db-security-group", name + "-db", "ebops " + name, SandboxNetwork.VpcId, rules);

    [Fact]
    public async Task Create_tags_the_group_at_creation_and_authorizes_every_rule()
    {
        var app = await manager.CreateAsync(Desired("app"), Ct);
        var desired = Desired("orders", IngressRule.TcpFromCidr(3306, "203.0.113.0/24", "admin"), IngressRule.TcpFromGroup(3306, app.GroupId, "app"));

        var created = await manager.CreateAsync(desired, Ct);

        var read = await manager.ReadAsync(desired with { GroupId = created.GroupId }, ReadMode.Live, Ct);
        Assert.NotNull(read);
        Assert.Equal(SandboxNetwork.VpcId, read.VpcId);
        Assert.Equal("orders-db", read.GroupName);
        Assert.True(desired.Owner.Owns(read.Tags, "db-security-group"));
        Assert.False(read.Adopted);
        Assert.Equal(desired.Ingress.Select(r => r.Key).Order(), read.Ingress.Select(r => r.Key).Order());
        Assert.Equal("admin", read.Ingress.Single(r => r.Cidr is not null).Description);
        Assert.True(manager.Diff(desired, read).IsEmpty);
        Assert.Equal(["CreateSecurityGroup", "CreateSecurityGroup", "AuthorizeSecurityGroupIngress"], aws.Mutations("ec2"));
        Assert.Contains(aws.World.Calls.Find("ec2", "CreateSecurityGroup")[^1].Parameters, p => p.Key.StartsWith("TagSpecification", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_without_an_id_finds_the_group_by_its_ownership_tags_and_null_when_there_is_none()
    {
        var desired = Desired("orders");
        Assert.Null(await manager.ReadAsync(desired, Ct));

        var created = await manager.CreateAsync(desired, Ct);

        Assert.Equal(created.GroupId, (await manager.ReadAsync(desired, Ct))?.GroupId);
        Assert.Null(await manager.ReadAsync(Desired("other"), Ct));
    }

    [Fact]
    public async Task Update_authorizes_missing_rules_before_it_revokes_extra_ones_and_touches_nothing_else()
    {
        var desired = Desired("orders", IngressRule.TcpFromCidr(3306, "203.0.113.0/24"));
        var created = await manager.CreateAsync(desired, Ct);
        var changed = desired with { GroupId = created.GroupId, Ingress = [IngressRule.TcpFromCidr(3306, "198.51.100.0/24"), IngressRule.TcpFromCidr(22, "198.51.100.7/32")] };
        aws.World.Calls.Clear();

        var delta = manager.Diff(changed, created);
        var updated = await manager.UpdateAsync(changed, created, delta, Ct);

        Assert.Equal(["Ingress"], delta.Fields);
        Assert.Equal(["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"], aws.Mutations("ec2"));
        Assert.Equal(changed.Ingress.Select(r => r.Key).Order(), updated.Ingress.Select(r => r.Key).Order());
        Assert.True(manager.Diff(changed, updated).IsEmpty);
    }

    [Fact]
    public async Task A_rule_removed_behind_ebops_back_is_drift_and_the_update_restores_it()
    {
        var rule = IngressRule.TcpFromCidr(3306, "203.0.113.0/24");
        var desired = Desired("orders", rule);
        var created = await manager.CreateAsync(desired, Ct);
        await aws.Ec2.RevokeIngressAsync(created.GroupId, SecurityGroupManager.ToPermissions([rule]), Ct);
        desired = desired with { GroupId = created.GroupId };

        var drifted = await manager.ReadAsync(desired, ReadMode.Live, Ct);
        var delta = manager.Diff(desired, drifted!);
        await manager.UpdateAsync(desired, drifted!, delta, Ct);

        Assert.Equal(["Ingress"], delta.Fields);
        Assert.True(manager.Diff(desired, (await manager.ReadAsync(desired, ReadMode.Live, Ct))!).IsEmpty);
    }

    [Fact]
    public async Task A_second_create_after_a_lost_response_takes_the_first_group_over()
    {
        var desired = Desired("orders", IngressRule.TcpFromCidr(3306, "203.0.113.0/24"));

        var first = await manager.CreateAsync(desired, Ct);
        var second = await manager.CreateAsync(desired, Ct);

        Assert.Equal(first.GroupId, second.GroupId);
        Assert.Equal(1, aws.Succeeded("ec2", "CreateSecurityGroup"));
    }

    [Fact]
    public async Task A_create_hidden_by_eventual_consistency_is_never_duplicated()
    {
        var desired = Desired("orders");
        aws.World.Faults.SetConsistencyWindow("ec2", TimeSpan.FromSeconds(30));
        await manager.CreateAsync(desired, Ct);

        // The response was "lost": the group is invisible to describes for a while, and the create is refused.
        var hidden = await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        Assert.True(hidden.IsAlreadyExists);
        aws.Time.Advance(TimeSpan.FromSeconds(31));
        var found = await manager.CreateAsync(desired, Ct);

        Assert.Equal(1, aws.Succeeded("ec2", "CreateSecurityGroup"));
        Assert.Equal(found.GroupId, Assert.Single(await aws.Ec2.DescribeSecurityGroupsAsync([new("group-name", ["orders-db"])], Ct)).GroupId);
    }

    [Theory]
    [InlineData(FaultKind.Throttle)]
    [InlineData(FaultKind.ServerError)]
    public async Task Faults_on_any_call_are_retried_without_a_second_group(FaultKind kind)
    {
        var desired = Desired("orders", IngressRule.TcpFromCidr(3306, "203.0.113.0/24"));
        aws.World.Faults.Add(new FaultRule(kind, "ec2", "AuthorizeSecurityGroupIngress", Count: 1));
        aws.World.Faults.Add(new FaultRule(kind, "ec2", "DescribeSecurityGroups", Count: 1));

        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        await Assert.ThrowsAsync<AwsApiException>(() => manager.CreateAsync(desired, Ct));
        var created = await manager.CreateAsync(desired, Ct);
        var read = await manager.ReadAsync(desired with { GroupId = created.GroupId }, ReadMode.Live, Ct);
        await manager.UpdateAsync(desired, read!, manager.Diff(desired, read!), Ct);

        Assert.Equal(1, aws.Succeeded("ec2", "CreateSecurityGroup"));
        Assert.True(manager.Diff(desired, (await manager.ReadAsync(desired with { GroupId = created.GroupId }, ReadMode.Live, Ct))!).IsEmpty);
    }

    [Fact]
    public async Task A_group_with_our_name_that_ebops_does_not_own_is_a_conflict_not_a_take_over()
    {
        await aws.Ec2.CreateSecurityGroupAsync("orders-db", "by hand", SandboxNetwork.VpcId, new Dictionary<string, string>(), Ct);
        await aws.Ec2.CreateSecurityGroupAsync("other-db", "another owner", SandboxNetwork.VpcId, SimulatedAws.Owner("someone").Tags("db-security-group"), Ct);

        var unmanaged = await Assert.ThrowsAsync<UnmanagedResourceException>(() => manager.CreateAsync(Desired("orders"), Ct));
        var foreign = await Assert.ThrowsAsync<UnmanagedResourceException>(() => manager.CreateAsync(Desired("other") with { Owner = SimulatedAws.Owner("other2") }, Ct));

        Assert.Contains("not managed by ebops", unmanaged.Message, StringComparison.Ordinal);
        Assert.Contains("default/someone", foreign.Message, StringComparison.Ordinal);
        Assert.Equal(2, aws.Succeeded("ec2", "CreateSecurityGroup"));
    }

    [Fact]
    public async Task Adopt_adds_the_ownership_and_adopted_tags_and_the_rules_follow_the_spec()
    {
        var id = await aws.Ec2.CreateSecurityGroupAsync("hand-made", "by hand", SandboxNetwork.VpcId, new Dictionary<string, string>(), Ct);
        await aws.Ec2.AuthorizeIngressAsync(id, SecurityGroupManager.ToPermissions([IngressRule.TcpFromCidr(3306, "0.0.0.0/0")]), Ct);
        var desired = Desired("orders", IngressRule.TcpFromCidr(3306, "203.0.113.0/24")) with { GroupId = id };

        var found = await manager.FindByIdAsync(id, ReadMode.Live, Ct);
        var adopted = await manager.AdoptAsync(desired, found!, Ct);
        await manager.UpdateAsync(desired, adopted, manager.Diff(desired, adopted), Ct);
        var read = await manager.ReadAsync(desired, ReadMode.Live, Ct);

        Assert.True(read!.Adopted);
        Assert.True(desired.Owner.Owns(read.Tags, "db-security-group"));
        Assert.Equal("tcp/3306-3306 from 203.0.113.0/24", Assert.Single(read.Ingress).Key);
    }

    [Fact]
    public async Task Delete_is_idempotent_and_a_group_still_referenced_is_a_conflict()
    {
        var app = await manager.CreateAsync(Desired("app"), Ct);
        var db = await manager.CreateAsync(Desired("orders", IngressRule.TcpFromGroup(3306, app.GroupId)), Ct);

        var inUse = await Assert.ThrowsAsync<AwsApiException>(() => manager.DeleteAsync(app, Ct));
        Assert.Equal(AwsErrorKind.Conflict, inUse.Kind);
        await manager.DeleteAsync(db, Ct);
        await manager.DeleteAsync(db, Ct);
        await manager.DeleteAsync(app, Ct);

        Assert.Null(await manager.FindByIdAsync(db.GroupId, ReadMode.Live, Ct));
        Assert.Null(await manager.FindByIdAsync(app.GroupId, ReadMode.Live, Ct));
    }

    [Fact]
    public async Task Steady_reads_of_many_groups_cost_one_describe_per_snapshot_age()
    {
        var groups = new List<SecurityGroupDesired>();
        for (var i = 0; i < 5; i++)
        {
            var desired = Desired("db" + i);
            groups.Add(desired with { GroupId = (await manager.CreateAsync(desired, Ct)).GroupId });
        }

        aws.World.Calls.Clear();
        foreach (var desired in groups)
        {
            Assert.NotNull(await manager.ReadAsync(desired, ReadMode.Cached, Ct));
        }

        Assert.Single(aws.World.Calls.Find("ec2"));
        Assert.Equal("DescribeSecurityGroups", aws.World.Calls.All[0].Action);
    }

    [Fact]
    public void Diff_compares_rules_by_peer_and_port_only_and_asks_for_missing_ownership_tags()
    {
        var desired = Desired("orders", IngressRule.TcpFromCidr(3306, "203.0.113.0/24", "admin"));
        var observed = new SecurityGroupObserved("sg-1", "orders-db", SandboxNetwork.VpcId, desired.Tags, [IngressRule.TcpFromCidr(3306, "203.0.113.0/24", "edited")]);

        Assert.True(manager.Diff(desired, observed).IsEmpty);
        Assert.Equal(["Tags"], manager.Diff(desired, observed with { Tags = new Dictionary<string, string>() }).Fields);
        Assert.Equal(["Ingress"], manager.Diff(desired, observed with { Ingress = [] }).Fields);
        Assert.Equal(["Ingress"], manager.Diff(desired, observed with { Ingress = [IngressRule.TcpFromCidr(3307, "203.0.113.0/24")] }).Fields);
    }
}
