using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.Elbv2;

public sealed class TargetGroupManagerTests : IAsyncLifetime
{
    private const string Service = "elasticloadbalancing";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private NlbKit kit = null!;

    private TargetGroupManager Manager => kit.TargetGroups;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync();
        kit = new NlbKit(aws);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    public static TheoryData<string> HealthCheckFields() => new(
        "HealthCheckProtocol", "HealthCheckPath", "HealthCheckPort", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
        "HealthyThresholdCount", "UnhealthyThresholdCount", "Matcher");

    private static TargetGroupHealthCheck Changed(TargetGroupHealthCheck check, string field) => field switch
    {
        "HealthCheckProtocol" => check with { Protocol = "HTTPS" },
        "HealthCheckPath" => check with { Path = "/healthz" },
        "HealthCheckPort" => check with { Port = "8080" },
        "HealthCheckIntervalSeconds" => check with { IntervalSeconds = 30 },
        "HealthCheckTimeoutSeconds" => check with { TimeoutSeconds = 4 },
        "HealthyThresholdCount" => check with { HealthyThresholdCount = 5 },
        "UnhealthyThresholdCount" => check with { UnhealthyThresholdCount = 2 },
        "Matcher" => check with { Matcher = "200" },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Fact]
    public async Task Create_makes_an_alb_type_tcp_group_in_the_vpc_with_the_health_check_and_tags()
    {
        var desired = NlbKit.DesiredGroup(NlbKit.Owner(), "blue");

        var created = await Manager.CreateAsync(desired, Ct);

        // 34 characters would be too long: the owner part is fitted (with a stable hash), the colour stays readable.
        Assert.Equal("test-cluster-defau-3fc8d87d-blue", created.Name);
        Assert.Equal(created.Name, Elbv2Names.TargetGroup(NlbKit.Owner(), "blue"));
        var read = (await Manager.ReadAsync(desired, Ct))!;
        Assert.Equal((Elbv2Statuses.TargetTypeAlb, Elbv2Statuses.ProtocolTcp, 80, SandboxNetwork.VpcId), (read.TargetType, read.Protocol, read.Port!.Value, read.VpcId));
        Assert.Equal(NlbKit.Check, read.HealthCheck);
        Assert.True(desired.Owner.Owns(read.Tags, "target-group-blue"));
        Assert.True(Manager.Diff(desired, read).IsEmpty);
        Assert.True(TargetGroupManager.FixedDiff(desired, read).IsEmpty);
        Assert.Equal(["CreateTargetGroup", "ModifyTargetGroupAttributes"], aws.Mutations(Service));
        Assert.Equal("30", read.Attributes![Elbv2Statuses.AttributeDeregistrationDelay]);
        Assert.Equal("false", read.Attributes[Elbv2Statuses.AttributeConnectionTermination]);
    }

    [Fact]
    public async Task The_deregistration_delay_is_drift_on_a_live_read_and_connection_termination_is_left_to_the_release()
    {
        var desired = NlbKit.DesiredGroup(NlbKit.Owner(), "blue");
        var created = await Manager.CreateAsync(desired, Ct);
        await aws.Elbv2.ModifyTargetGroupAttributesAsync(new()
        {
            TargetGroupArn = created.Arn,
            Attributes = [new() { Key = Elbv2Statuses.AttributeConnectionTermination, Value = "true" }, new() { Key = Elbv2Statuses.AttributeDeregistrationDelay, Value = "300" }],
        }, Ct);
        aws.World.Calls.Clear();

        var drifted = (await Manager.ReadAsync(desired, Ct))!;
        var delta = Manager.Diff(desired, drifted);
        var updated = await Manager.UpdateAsync(desired, drifted, delta, Ct);

        Assert.Equal(["DeregistrationDelay"], delta.Fields);
        Assert.Equal("true", updated.Attributes![Elbv2Statuses.AttributeConnectionTermination]);
        Assert.Equal(["ModifyTargetGroupAttributes"], aws.Mutations(Service));
        Assert.True(Manager.Diff(desired, updated).IsEmpty);
        Assert.True(Manager.Diff(desired, (await Manager.ReadAsync(desired, Ct))!).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(HealthCheckFields))]
    public async Task Each_health_check_setting_is_drift_and_the_update_modifies_only_that_setting(string field)
    {
        var desired = NlbKit.DesiredGroup(NlbKit.Owner(), "blue");
        var created = await Manager.CreateAsync(desired, Ct);
        var changed = desired with { HealthCheck = Changed(desired.HealthCheck, field) };
        aws.World.Calls.Clear();

        var delta = Manager.Diff(changed, created);
        var updated = await Manager.UpdateAsync(changed, created, delta, Ct);

        Assert.Equal([field], delta.Fields);
        var modify = Assert.Single(aws.World.Calls.Find(Service, "ModifyTargetGroup"));
        var sent = modify.Parameters.Keys.Where(k => k is not ("Action" or "Version" or "TargetGroupArn")).ToList();
        Assert.Equal([field == "Matcher" ? "Matcher.HttpCode" : field], sent);
        Assert.Equal(["ModifyTargetGroup"], aws.Mutations(Service));
        Assert.True(Manager.Diff(changed, updated).IsEmpty);
        Assert.True(Manager.Diff(changed, (await Manager.ReadAsync(changed, Ct))!).IsEmpty);
    }

    [Fact]
    public async Task A_different_port_or_vpc_is_fixed_not_updatable()
    {
        var desired = NlbKit.DesiredGroup(NlbKit.Owner(), "blue");
        var created = await Manager.CreateAsync(desired, Ct);

        Assert.Equal(["Port"], TargetGroupManager.FixedDiff(desired with { Port = 8080 }, created).Fields);
        Assert.Equal(["VpcId"], TargetGroupManager.FixedDiff(desired with { VpcId = "vpc-0fffffffffffffff0" }, created).Fields);
        Assert.True(Manager.Diff(desired with { Port = 8080 }, created).IsEmpty);
    }

    [Fact]
    public async Task A_lost_create_response_is_found_by_name_and_never_duplicated()
    {
        var desired = NlbKit.DesiredGroup(NlbKit.Owner(), "green");
        var first = await Manager.CreateAsync(desired, Ct);

        var again = await new NlbKit(aws).TargetGroups.CreateAsync(desired, Ct);

        Assert.Equal(first.Arn, again.Arn);
        Assert.Equal(1, aws.Succeeded(Service, "CreateTargetGroup"));
    }

    [Fact]
    public async Task An_alb_is_registered_reported_in_target_health_and_deregistered()
    {
        var owner = NlbKit.Owner();
        var (_, blue, _, _) = await kit.FrontendAsync(owner);
        var alb = await kit.AlbAsync("myapp-blue-alb");

        await Manager.RegisterAsync(blue.Arn, alb, 80, Ct);

        var target = Assert.Single((await Manager.ReadHealthAsync(blue.Arn, Ct))!);
        Assert.Equal((alb, 80), (target.TargetId, target.Port!.Value));
        Assert.Contains(target.State, new[] { Elbv2Statuses.TargetInitial, Elbv2Statuses.TargetHealthy });

        await Manager.DeregisterAsync(blue.Arn, alb, 80, closeConnections: false, Ct);
        await Manager.DeregisterAsync(blue.Arn, alb, 80, closeConnections: false, Ct);

        var health = (await Manager.ReadHealthAsync(blue.Arn, Ct))!;
        Assert.All(health, h => Assert.Equal(Elbv2Statuses.TargetDraining, h.State));
        Assert.Null(await Manager.ReadHealthAsync("arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/gone/0123456789abcdef", Ct));
    }

    [Theory]
    [InlineData(true, "false")]
    [InlineData(false, "true")]
    public async Task Deregistering_sets_connection_termination_first_then_deregisters(bool closeConnections, string before)
    {
        var (_, blue, _, _) = await kit.FrontendAsync(NlbKit.Owner());
        var alb = await kit.AlbAsync("myapp-blue-alb");
        await Manager.RegisterAsync(blue.Arn, alb, 80, Ct);
        await aws.Elbv2.ModifyTargetGroupAttributesAsync(new()
        {
            TargetGroupArn = blue.Arn,
            Attributes = [new() { Key = Elbv2Statuses.AttributeConnectionTermination, Value = before }],
        }, Ct);
        aws.World.Calls.Clear();

        await Manager.DeregisterAsync(blue.Arn, alb, 80, closeConnections, Ct);

        Assert.Equal(["ModifyTargetGroupAttributes", "DeregisterTargets"], aws.Mutations(Service));
        var modify = Assert.Single(aws.World.Calls.Find(Service, "ModifyTargetGroupAttributes"));
        Assert.Equal(Elbv2Statuses.AttributeConnectionTermination, modify.Parameters.GetValueOrDefault("Attributes.member.1.Key"));
        Assert.False(modify.Parameters.ContainsKey("Attributes.member.2.Key"));
        var read = (await Manager.ReadAsync(NlbKit.DesiredGroup(NlbKit.Owner(), "blue"), Ct))!;
        Assert.Equal(closeConnections ? "true" : "false", read.Attributes![Elbv2Statuses.AttributeConnectionTermination]);
    }

    [Fact]
    public async Task An_alb_behind_two_nlbs_is_found_and_AWS_refuses_a_third()
    {
        var alb = await kit.AlbAsync("myapp-blue-alb");
        var groups = new List<string>();
        foreach (var name in new[] { "one", "two", "three" })
        {
            groups.Add((await kit.FrontendAsync(NlbKit.Owner(name))).Blue.Arn);
        }

        await Manager.RegisterAsync(groups[0], alb, 80, Ct);
        await Manager.RegisterAsync(groups[1], alb, 80, Ct);

        Assert.Equal(groups[..2], await Manager.FindRegistrationsAsync(alb, new HashSet<string>(), Ct));
        Assert.Equal([groups[1]], await Manager.FindRegistrationsAsync(alb, new HashSet<string> { groups[0] }, Ct));
        var refused = await Assert.ThrowsAsync<AwsApiException>(() => Manager.RegisterAsync(groups[2], alb, 80, Ct));
        Assert.Equal(Elbv2Errors.TooManyRegistrationsForTargetId, refused.Code);
        Assert.True(refused.IsTerminal);
    }

    [Fact]
    public async Task Delete_waits_for_the_listener_to_go_and_is_idempotent()
    {
        var (_, blue, _, listener) = await kit.FrontendAsync(NlbKit.Owner());

        var inUse = await Assert.ThrowsAsync<AwsApiException>(() => Manager.DeleteAsync(blue, Ct));
        Assert.Equal(AwsErrorKind.Conflict, inUse.Kind);

        await kit.Listeners.DeleteAsync(listener, Ct);
        await Manager.DeleteAsync(blue, Ct);
        await Manager.DeleteAsync(blue, Ct);
        Assert.Null(await Manager.ReadAsync(blue.Name, ReadMode.Live, Ct));
    }

    [Fact]
    public async Task Steady_reads_of_many_groups_cost_one_describe_and_one_tag_read()
    {
        foreach (var name in new[] { "a", "b" })
        {
            foreach (var color in new[] { "blue", "green" })
            {
                await Manager.CreateAsync(NlbKit.DesiredGroup(NlbKit.Owner(name), color), Ct);
            }
        }

        aws.Time.Advance(TimeSpan.FromMinutes(10));
        aws.World.Calls.Clear();
        foreach (var name in new[] { "a", "b" })
        {
            foreach (var color in new[] { "blue", "green" })
            {
                Assert.NotNull(await Manager.ReadAsync(Elbv2Names.TargetGroup(NlbKit.Owner(name), color), ReadMode.Cached, Ct));
            }
        }

        Assert.Equal(["DescribeTargetGroups", "DescribeTags"], aws.World.Calls.Actions(Service));
    }
}
