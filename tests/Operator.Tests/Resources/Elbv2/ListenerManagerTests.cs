using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Support;

namespace Ebops.Operator.Tests.Resources.Elbv2;

public sealed class ListenerManagerTests : IAsyncLifetime
{
    private const string Service = "elasticloadbalancing";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private NlbKit kit = null!;

    private ListenerManager Manager => kit.Listeners;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        kit = new NlbKit(aws);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task Create_forwards_to_the_initial_group_and_records_that_forward()
    {
        var (nlb, blue, _, listener) = await kit.FrontendAsync(NlbKit.Owner());

        var read = (await Manager.ReadAsync(new ListenerDesired(NlbKit.Owner(), nlb.Arn, 80, blue.Arn), Ct))!;

        Assert.Equal((listener.Arn, 80, Elbv2Statuses.ProtocolTcp), (read.Arn, read.Port!.Value, read.Protocol));
        Assert.Equal([new WeightedTargetGroup(blue.Arn, 1)], read.Forward!.TargetGroups);
        Assert.Equal(blue.Name + "=1", read.RecordedForward);
        Assert.False(read.ForwardEditedOutsideEbops);
        Assert.True(Manager.Diff(new ListenerDesired(NlbKit.Owner(), nlb.Arn, 80, blue.Arn), read).IsEmpty);
        Assert.Equal(blue.Arn, (await Manager.ReadForwardAsync(listener.Arn, ReadMode.Live, Ct))!.Heaviest);
    }

    [Fact]
    public async Task Forward_to_one_group_records_the_switch_before_it_makes_it()
    {
        var (_, blue, green, listener) = await kit.FrontendAsync(NlbKit.Owner());
        aws.World.Calls.Clear();

        var now = await Manager.ForwardAsync(listener.Arn, green.Arn, Ct);

        Assert.Equal(green.Arn, now.Heaviest);
        Assert.Equal(["AddTags", "ModifyListener"], aws.Mutations(Service));
        var read = (await Manager.ReadSettledAsync(listener.Arn, Ct))!;
        Assert.Equal(green.Arn, read.Forward!.Heaviest);
        Assert.False(read.ForwardEditedOutsideEbops);
        Assert.Equal(0, read.Forward.PercentOf(blue.Arn));
    }

    [Fact]
    public async Task A_weighted_forward_round_trips_exactly_as_the_ELBv2_API_shapes_it()
    {
        var (_, blue, green, listener) = await kit.FrontendAsync(NlbKit.Owner());

        await Manager.ForwardAsync(listener.Arn, [new WeightedTargetGroup(blue.Arn, 95), new WeightedTargetGroup(green.Arn, 5)], Ct);

        var modify = aws.World.Calls.Find(Service, "ModifyListener")[^1].Parameters;
        Assert.Equal("forward", modify["DefaultActions.member.1.Type"]);
        Assert.Equal(blue.Arn, modify["DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn"]);
        Assert.Equal("95", modify["DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight"]);
        Assert.Equal("5", modify["DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight"]);
        var forward = (await Manager.ReadForwardAsync(listener.Arn, ReadMode.Live, Ct))!;
        Assert.Equal([new WeightedTargetGroup(blue.Arn, 95), new WeightedTargetGroup(green.Arn, 5)], forward.TargetGroups);
        Assert.Equal((95, 5), (forward.PercentOf(blue.Arn), forward.PercentOf(green.Arn)));
        Assert.True(forward.SameTrafficAs(new ListenerForward([new WeightedTargetGroup(green.Arn, 1), new WeightedTargetGroup(blue.Arn, 19)])));
        Assert.False((await Manager.ReadSettledAsync(listener.Arn, Ct))!.ForwardEditedOutsideEbops);

        await Manager.ForwardAsync(listener.Arn, [new WeightedTargetGroup(blue.Arn, 0), new WeightedTargetGroup(green.Arn, 100)], Ct);
        var all = (await Manager.ReadForwardAsync(listener.Arn, ReadMode.Live, Ct))!;
        Assert.Equal(green.Arn, all.Heaviest);
        Assert.True(all.SameTrafficAs(ListenerForward.To(green.Arn)));
    }

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(-1, 5)]
    [InlineData(0, 0)]
    public async Task Weights_AWS_would_refuse_are_refused_before_any_call(int blueWeight, int greenWeight)
    {
        var (_, blue, green, listener) = await kit.FrontendAsync(NlbKit.Owner());
        aws.World.Calls.Clear();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Manager.ForwardAsync(listener.Arn, [new WeightedTargetGroup(blue.Arn, blueWeight), new WeightedTargetGroup(green.Arn, greenWeight)], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Manager.ForwardAsync(listener.Arn, [new WeightedTargetGroup(blue.Arn, 1), new WeightedTargetGroup(blue.Arn, 1)], Ct));

        Assert.Empty(aws.World.Calls.All);
    }

    [Fact]
    public async Task A_hand_edit_of_the_forward_is_recognised_as_one()
    {
        var (nlb, blue, green, listener) = await kit.FrontendAsync(NlbKit.Owner());

        await aws.Elbv2.ModifyListenerAsync(new() { ListenerArn = listener.Arn, DefaultActions = [new Ebops.Operator.Aws.Elbv2.Action { Type = "forward", TargetGroupArn = green.Arn }] }, Ct);

        var read = (await Manager.ReadAsync(new ListenerDesired(NlbKit.Owner(), nlb.Arn, 80, blue.Arn, listener.Arn), ReadMode.Live, Ct))!;
        Assert.True(read.ForwardEditedOutsideEbops);
        Assert.Equal(green.Arn, read.Forward!.Heaviest);
        Assert.True((await Manager.ReadSettledAsync(listener.Arn, Ct))!.ForwardEditedOutsideEbops);
    }

    [Fact]
    public async Task A_port_change_is_drift_and_the_update_modifies_only_the_port()
    {
        var (nlb, blue, _, listener) = await kit.FrontendAsync(NlbKit.Owner());
        var desired = new ListenerDesired(NlbKit.Owner(), nlb.Arn, 8080, blue.Arn, listener.Arn);
        aws.World.Calls.Clear();

        var delta = Manager.Diff(desired, listener);
        var updated = await Manager.UpdateAsync(desired, listener, delta, Ct);

        Assert.Equal(["Port"], delta.Fields);
        Assert.Equal(8080, updated.Port);
        var modify = Assert.Single(aws.World.Calls.Find(Service, "ModifyListener")).Parameters;
        Assert.Equal(["ListenerArn", "Port"], modify.Keys.Where(k => k is not ("Action" or "Version")).Order());
        var read = (await Manager.ReadAsync(desired, ReadMode.Live, Ct))!;
        Assert.True(Manager.Diff(desired, read).IsEmpty);
        Assert.Equal(blue.Arn, read.Forward!.Heaviest);
    }

    [Fact]
    public async Task A_lost_create_response_is_found_by_its_tags_and_never_duplicated()
    {
        var (nlb, blue, _, listener) = await kit.FrontendAsync(NlbKit.Owner());

        var again = await new NlbKit(aws).Listeners.CreateAsync(new ListenerDesired(NlbKit.Owner(), nlb.Arn, 80, blue.Arn), Ct);

        Assert.Equal(listener.Arn, again.Arn);
        Assert.Equal(1, aws.Succeeded(Service, "CreateListener"));
    }

    [Fact]
    public async Task A_listener_on_the_port_that_ebops_did_not_create_is_a_conflict_until_adopted()
    {
        var owner = NlbKit.Owner();
        var nlb = await kit.NlbAsync(owner);
        var blue = await kit.TargetGroups.CreateAsync(NlbKit.DesiredGroup(owner, "blue"), Ct);
        var handMade = await aws.Elbv2.CreateListenerAsync(new()
        {
            LoadBalancerArn = nlb.Arn, Protocol = "TCP", Port = 80,
            DefaultActions = [new Ebops.Operator.Aws.Elbv2.Action { Type = "forward", TargetGroupArn = blue.Arn }],
        }, Ct);
        var desired = new ListenerDesired(owner, nlb.Arn, 80, blue.Arn);

        await Assert.ThrowsAsync<UnmanagedResourceException>(() => Manager.CreateAsync(desired, Ct));

        var found = (await Manager.ReadAsync(desired, Ct))!;
        var adopted = desired with { ListenerArn = found.Arn, Adopted = true };
        var delta = Manager.Diff(adopted, found);
        Assert.Equal(["Tags", "ForwardRecord"], delta.Fields);
        var updated = await Manager.UpdateAsync(adopted, found, delta, Ct);
        Assert.Equal(handMade.Listeners![0].ListenerArn, updated.Arn);
        Assert.True(updated.IsAdopted);
        Assert.Equal(blue.Name + "=1", updated.RecordedForward);
        Assert.True(Manager.Diff(adopted, (await Manager.ReadAsync(adopted, ReadMode.Live, Ct))!).IsEmpty);
        Assert.Equal(1, aws.Succeeded(Service, "CreateListener"));
    }

    [Fact]
    public async Task Steady_reads_of_many_listeners_cost_one_describe_and_one_tag_read()
    {
        var desired = new List<ListenerDesired>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            var (nlb, blue, _, listener) = await kit.FrontendAsync(NlbKit.Owner(name));
            desired.Add(new ListenerDesired(NlbKit.Owner(name), nlb.Arn, 80, blue.Arn, listener.Arn));
        }

        aws.Time.Advance(TimeSpan.FromMinutes(10));
        aws.World.Calls.Clear();
        foreach (var d in desired)
        {
            Assert.Equal(d.ListenerArn, (await Manager.ReadAsync(d, ReadMode.Cached, Ct))?.Arn);
        }

        Assert.Equal(["DescribeListeners", "DescribeTags"], aws.World.Calls.Actions(Service));
    }

    [Fact]
    public async Task Delete_is_idempotent_and_forgets_the_listener()
    {
        var (nlb, blue, _, listener) = await kit.FrontendAsync(NlbKit.Owner());

        await Manager.ForwardAsync(listener.Arn, blue.Arn, Ct);
        Assert.Equal(1, Manager.RememberedListeners);
        await Manager.DeleteAsync(listener, Ct);
        await Manager.DeleteAsync(listener, Ct);

        Assert.Equal(0, Manager.RememberedListeners);
        Assert.Null(await Manager.ReadAsync(new ListenerDesired(NlbKit.Owner(), nlb.Arn, 80, blue.Arn, listener.Arn), ReadMode.Live, Ct));
        Assert.Null(await Manager.ReadForwardAsync(listener.Arn, ReadMode.Live, Ct));
    }
}
