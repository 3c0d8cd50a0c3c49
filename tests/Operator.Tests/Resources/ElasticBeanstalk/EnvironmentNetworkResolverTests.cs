using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Resources.ElasticBeanstalk;

public sealed class EnvironmentNetworkResolverTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private EnvironmentNetworkResolver resolver = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync(SimTiming.Instant);
        resolver = new EnvironmentNetworkResolver(aws.Ec2, aws.Time);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    [Fact]
    public async Task No_subnets_means_the_default_vpc_and_its_default_subnets()
    {
        var result = await resolver.ResolveAsync(new EbNetworkRequest(null, [], [], false), Ct);

        Assert.Null(result.Problem);
        Assert.Equal(SandboxNetwork.VpcId, result.Network!.VpcId);
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], result.Network.InstanceSubnets.Order());
        Assert.Equal(result.Network.InstanceSubnets, result.Network.LoadBalancerSubnets);
    }

    [Fact]
    public async Task A_resolved_network_is_reused_without_calls()
    {
        var request = new EbNetworkRequest(null, [SandboxNetwork.SubnetA], [], false);
        await resolver.ResolveAsync(request, Ct);
        aws.World.Calls.Clear();

        Assert.NotNull((await resolver.ResolveAsync(request, Ct)).Network);
        Assert.Empty(aws.World.Calls.All);
    }

    [Fact]
    public async Task An_expired_network_is_forgotten_when_another_is_resolved()
    {
        await resolver.ResolveAsync(new EbNetworkRequest(null, [SandboxNetwork.SubnetA], [], false), Ct);
        aws.Time.Advance(EnvironmentNetworkResolver.CacheLifetime);

        await resolver.ResolveAsync(new EbNetworkRequest(null, [SandboxNetwork.SubnetC], [], false), Ct);

        Assert.Equal(1, resolver.Remembered);
    }

    [Fact]
    public async Task Given_subnets_resolve_their_vpc_and_load_balancer_subnets_default_to_them()
    {
        var result = await resolver.ResolveAsync(new EbNetworkRequest(null, [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], [], true), Ct);

        Assert.Equal(new EbEnvironmentNetwork(SandboxNetwork.VpcId, [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], true),
            result.Network! with { InstanceSubnets = [.. result.Network.InstanceSubnets], LoadBalancerSubnets = [.. result.Network.LoadBalancerSubnets] },
            new NetworkComparer());
    }

    [Theory]
    [InlineData(null, "subnet-0123456789abcdef0", "InstanceSubnets[1]")]
    [InlineData("vpc-0123456789abcdef0", null, "InstanceSubnets[0]")]
    public async Task A_missing_subnet_or_one_in_another_vpc_names_the_item(string? vpcId, string? second, string field)
    {
        List<string> subnets = second is null ? [SandboxNetwork.SubnetA] : [SandboxNetwork.SubnetA, second];

        var result = await resolver.ResolveAsync(new EbNetworkRequest(vpcId, subnets, [], false), Ct);

        Assert.Null(result.Network);
        Assert.Equal(field, result.Problem!.Field);
    }

    private sealed class NetworkComparer : IEqualityComparer<EbEnvironmentNetwork>
    {
        public bool Equals(EbEnvironmentNetwork? x, EbEnvironmentNetwork? y) => x is not null && y is not null && x.VpcId == y.VpcId
            && x.InstanceSubnets.SequenceEqual(y.InstanceSubnets) && x.LoadBalancerSubnets.SequenceEqual(y.LoadBalancerSubnets)
            && x.AssociatePublicIpAddress == y.AssociatePublicIpAddress;

        public int GetHashCode(EbEnvironmentNetwork obj) => obj.VpcId.GetHashCode(StringComparison.Ordinal);
    }
}
