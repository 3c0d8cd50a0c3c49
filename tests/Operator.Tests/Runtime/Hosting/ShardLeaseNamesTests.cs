using System.Text.RegularExpressions;
using Ebops.Operator.Runtime.Hosting;

namespace Ebops.Operator.Tests.Runtime.Hosting;

/// <summary>Each label selector (one shard) competes for a Lease of its own unless --leader-election-id names one.</summary>
public sealed partial class ShardLeaseNamesTests
{
    // A Lease name is a DNS subdomain (RFC 1123), at most 253 characters.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [Fact]
    public void Without_a_selector_the_lease_is_ebops_leader() => Assert.Equal("ebops-leader", new OperatorOptions().LeaseName());

    [Fact]
    public void An_explicit_id_wins_over_the_selector() =>
        Assert.Equal("mine", new OperatorOptions { LabelSelector = "shard=a", LeaderElectionId = "mine" }.LeaseName());

    [Theory]
    [InlineData("shard=a", "ebops-leader-shard-a-")]
    [InlineData("shard in (a, b),!canary", "ebops-leader-shard-in-a-b-canary-")]
    [InlineData("ebops.io/shard==EU-West", "ebops-leader-ebops-io-shard-eu-west-")]
    [InlineData("!!!", "ebops-leader-")]
    public void A_selector_gets_a_readable_valid_lease_name(string selector, string prefix)
    {
        var name = new OperatorOptions { LabelSelector = selector }.LeaseName();
        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Matches(Subdomain(), name);
        Assert.InRange(name.Length, prefix.Length + 8, 253);
    }

    [Fact]
    public void Selectors_that_read_alike_still_get_different_leases() =>
        Assert.NotEqual(new OperatorOptions { LabelSelector = "shard=a" }.LeaseName(), new OperatorOptions { LabelSelector = "shard!=a" }.LeaseName());
}
