using Ebops.Operator.Resources;

namespace Ebops.Operator.Tests.Resources;

public sealed class DeltaBuilderTests
{
    [Fact]
    public void Only_differing_fields_are_recorded_in_order()
    {
        var delta = new DeltaBuilder()
            .Compare("InstanceClass", "db.t3.small", "db.t3.micro")
            .Compare("AllocatedStorage", 20, 20)
            .CompareSet("SecurityGroups", ["sg-2", "sg-1"], ["sg-1", "sg-2", "sg-1"])
            .CompareSet("Subnets", ["s-1"], ["s-2"])
            .Compare("DeletionProtection", true, false)
            .Build();

        Assert.Equal(["InstanceClass", "Subnets", "DeletionProtection"], delta.Fields);
        Assert.Equal("InstanceClass: db.t3.micro -> db.t3.small; Subnets: s-2 -> s-1; DeletionProtection: false -> true", delta.ToString());
    }

    [Fact]
    public void Sensitive_differences_never_show_their_values()
    {
        var delta = new DeltaBuilder().Compare("MasterUserPassword", "new-secret", "old-secret", sensitive: true).Build();

        Assert.True(delta.Has("MasterUserPassword"));
        Assert.Equal("MasterUserPassword differs", delta.ToString());
        Assert.DoesNotContain("secret", delta.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_states_give_the_empty_delta()
    {
        var delta = new DeltaBuilder().Compare("A", "x", "x").CompareSet("B", ["1"], ["1"]).Build();

        Assert.True(delta.IsEmpty);
        Assert.Same(Delta.Empty, delta);
    }
}
