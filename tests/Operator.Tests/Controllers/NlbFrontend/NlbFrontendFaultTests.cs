using Ebops.Operator.Aws.Core;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.NlbFrontend.NlbFrontendHarness;
using Conditions = Ebops.Operator.Runtime.Status.Conditions;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>Throttling, 5xx and eventual consistency while creating: retried by the runtime, never a duplicate.</summary>
public sealed class NlbFrontendFaultTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private NlbFrontendHarness h = null!;

    public async ValueTask InitializeAsync()
    {
        h = await StartAsync();
        h.PutApp();
    }

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    public static TheoryData<string, string, bool> Faults() => new()
    {
        { "ec2", "AllocateAddress", true },
        { "ec2", "AllocateAddress", false },
        { Service, "CreateLoadBalancer", false },
        { Service, "CreateTargetGroup", true },
        { Service, "CreateListener", false },
        { Service, "DescribeListeners", true },
        { "ec2", "DescribeSubnets", false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_call_is_transient_and_the_next_reconcile_finishes_without_a_duplicate(string service, string action, bool throttle)
    {
        h.Aws.World.Faults.Add(throttle ? FaultRule.Throttle(service, action, count: 1) : FaultRule.ServerError(service, action, count: 1));
        var frontend = Frontend();

        var failed = await h.ReconcileAsync(frontend);
        var error = Assert.IsType<AwsApiException>(failed.Error);
        Assert.False(error.IsTerminal);

        if (action == "AllocateAddress" && !throttle)
        {
            h.Aws.Time.Advance(TimeSpan.FromMinutes(3));
        }

        await h.CreateReadyAsync(frontend);

        Assert.Equal(2, h.Aws.Succeeded("ec2", "AllocateAddress"));
        Assert.Equal(1, h.Aws.Succeeded(Service, "CreateLoadBalancer"));
        Assert.Equal(2, h.Aws.Succeeded(Service, "CreateTargetGroup"));
        Assert.Equal(1, h.Aws.Succeeded(Service, "CreateListener"));
    }

    [Fact]
    public async Task While_new_objects_are_not_yet_visible_a_second_reconcile_makes_no_second_object()
    {
        h.Aws.World.Faults.SetConsistencyWindow(Service, TimeSpan.FromMinutes(1));
        h.Aws.World.Faults.SetConsistencyWindow("ec2", TimeSpan.FromMinutes(1));
        var frontend = Frontend();

        Assert.Null((await h.ReconcileAsync(frontend)).Error);
        var status = frontend.Status!;
        var (nlb, listener, groups) = (status.LoadBalancerArn, status.ListenerArn, status.TargetGroups!.Select(g => g.Arn).ToList());
        Assert.Null((await h.ReconcileAsync(frontend)).Error);

        Assert.Equal(2, h.Aws.Succeeded("ec2", "AllocateAddress"));
        Assert.Equal(1, h.Aws.Succeeded(Service, "CreateLoadBalancer"));
        Assert.Equal(1, h.Aws.Succeeded(Service, "CreateListener"));
        Assert.Equal((nlb, listener), (status.LoadBalancerArn, status.ListenerArn));
        Assert.Equal(groups, status.TargetGroups!.Select(g => g.Arn));

        h.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        await h.ReconcileAsync(frontend);
        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready));
        var all = new List<string>();
        await foreach (var lb in h.Aws.Elbv2.DescribeLoadBalancersAllAsync(new(), Ct))
        {
            all.Add(lb.LoadBalancerArn!);
        }

        Assert.Equal([nlb!], all);
        Assert.Equal(2, (await h.Aws.Ec2.DescribeAddressesAsync(null, null, Ct)).Count);
    }
}
