using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Elbv2;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.NlbFrontend.NlbFrontendHarness;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>Each pre-flight failure against the simulator: Stalled naming the field, and not one AWS write.</summary>
public sealed class NlbFrontendPreflightTests : IAsyncLifetime
{
    private const string OtherSubnet = "subnet-0bbb5555eeee66660";
    private const string SameZoneSubnet = "subnet-0ddd7777ffff88880";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private NlbFrontendHarness h = null!;

    public async ValueTask InitializeAsync()
    {
        h = await StartAsync();
        h.PutApp();
        h.Aws.World.Ec2.AddVpc("10.1.0.0/16", (OtherSubnet, "10.1.0.0/24", "ap-northeast-2b"), (SameZoneSubnet, "10.1.1.0/24", "ap-northeast-2b"));
    }

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private static NlbSubnet Allocate(string subnet) => new() { SubnetId = subnet, Allocate = true };

    private static NlbSubnet Given(string subnet, string allocationId) => new() { SubnetId = subnet, AllocationId = allocationId };

    private async Task<string> StalledAsync(Operator.Entities.NlbFrontend frontend, string field)
    {
        h.Aws.World.Calls.Clear();

        var outcome = await h.ReconcileAsync(frontend);

        Assert.NotNull(outcome.Terminal);
        Assert.Equal(field, outcome.Terminal.Field);
        Assert.Equal(ConditionStatus.True, Ebops.Operator.Runtime.Status.Conditions.Find(frontend.Status, ConditionTypes.Stalled)?.Status);
        Assert.StartsWith(field + ": ", Message(frontend, ConditionTypes.Stalled), StringComparison.Ordinal);
        Assert.Empty(h.Mutations());
        return outcome.Terminal.Message;
    }

    [Fact]
    public async Task A_subnet_that_does_not_exist()
    {
        var message = await StalledAsync(Frontend("f", Allocate(SandboxNetwork.SubnetA), Allocate("subnet-0123456789abcdef0")), "spec.subnets[1].subnetId");
        Assert.Contains("does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subnets_in_two_VPCs()
    {
        var message = await StalledAsync(Frontend("f", Allocate(SandboxNetwork.SubnetA), Allocate(OtherSubnet)), "spec.subnets[1].subnetId");
        Assert.Contains("one VPC", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_subnets_in_one_Availability_Zone()
    {
        var message = await StalledAsync(Frontend("f", Allocate(OtherSubnet), Allocate(SameZoneSubnet)), "spec.subnets[1].subnetId");
        Assert.Contains("ap-northeast-2b like spec.subnets[0]", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subnets_outside_the_backends_VPC()
    {
        h.PutApp(change: app => app.Status!.VpcId = "vpc-0fedcba9876543210");

        var message = await StalledAsync(Frontend(), "spec.subnets[0].subnetId");
        Assert.Contains("not in the BeanstalkApp's VPC vpc-0fedcba9876543210", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backends_VPC_from_its_spec_until_its_status_has_one()
    {
        h.PutApp(change: app => app.Spec.Network = new() { VpcId = SandboxNetwork.VpcId });

        await h.CreateReadyAsync(Frontend());
    }

    [Fact]
    public async Task A_given_elastic_ip_that_does_not_exist()
    {
        var message = await StalledAsync(Frontend("f", Given(SandboxNetwork.SubnetA, "eipalloc-0123456789abcdef0"), Allocate(SandboxNetwork.SubnetC)), "spec.subnets[0].allocationId");
        Assert.Contains("does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_elastic_ip_in_use_elsewhere()
    {
        var (allocationId, _) = await h.Aws.Ec2.AllocateAddressAsync(new Dictionary<string, string>(), Ct);
        await h.Aws.Elbv2.CreateLoadBalancerAsync(new()
        {
            Name = "someone-elses", Type = "network", SubnetMappings = [new Ebops.Operator.Aws.Elbv2.SubnetMapping { SubnetId = SandboxNetwork.SubnetA, AllocationId = allocationId }],
        }, Ct);

        var message = await StalledAsync(Frontend("f", Allocate(SandboxNetwork.SubnetA), Given(SandboxNetwork.SubnetC, allocationId)), "spec.subnets[1].allocationId");
        Assert.Contains("must be free", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_elastic_ip_for_two_subnets()
    {
        var (allocationId, _) = await h.Aws.Ec2.AllocateAddressAsync(new Dictionary<string, string>(), Ct);

        var message = await StalledAsync(Frontend("f", Given(SandboxNetwork.SubnetA, allocationId), Given(SandboxNetwork.SubnetC, allocationId)), "spec.subnets[1].allocationId");
        Assert.Contains("already used by spec.subnets[0]", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_already_behind_two_other_frontends()
    {
        h.Frontends.Put(Frontend("first"));
        h.Frontends.Put(Frontend("second"));

        var message = await StalledAsync(Frontend("third"), "spec.backendRef.name");
        Assert.Contains("first, second", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_whose_ALB_is_already_behind_two_network_load_balancers()
    {
        var alb = await h.Kit.AlbAsync("myapp-blue-alb");
        foreach (var name in new[] { "elsewhere-1", "elsewhere-2" })
        {
            var group = await h.Kit.TargetGroups.CreateAsync(NlbKit.DesiredGroup(NlbKit.Owner(name), "blue"), Ct);
            await h.Kit.TargetGroups.RegisterAsync(group.Arn, alb, 80, Ct);
        }

        h.PutApp(change: app => app.Status!.Environments = [new() { Color = DeploymentColor.Blue, LoadBalancerArn = alb }]);

        var message = await StalledAsync(Frontend(), "spec.backendRef.name");
        Assert.Contains(alb, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixing_the_spec_recovers()
    {
        var frontend = Frontend("f", Allocate(SandboxNetwork.SubnetA), Allocate("subnet-0123456789abcdef0"));
        await StalledAsync(frontend, "spec.subnets[1].subnetId");

        frontend.Spec.Subnets[1].SubnetId = SandboxNetwork.SubnetC;
        Bump(frontend);
        await h.CreateReadyAsync(frontend);

        Assert.Equal(ConditionStatus.False, Ebops.Operator.Runtime.Status.Conditions.Find(frontend.Status, ConditionTypes.Stalled)?.Status);
    }
}
