using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Tests.Resources.Rds;

public sealed class EngineVersionsTests
{
    [Theory]
    [InlineData("8.0", "8.0.40", false)]
    [InlineData("8.0.41", "8.0.40", true)]
    [InlineData("8.0.9", "8.0.10", false)]
    [InlineData("8.0.11", "8.0.9", true)]
    [InlineData("8.4", "8.0.40", true)]
    [InlineData("8.0.35", "8.0.40", false)]
    [InlineData("8.0.40", "8.0.40", false)]
    [InlineData("8.0.40", "8.0", true)]
    public void Only_a_higher_version_on_the_parts_the_spec_names_is_an_upgrade(string desired, string observed, bool upgrade) =>
        Assert.Equal(upgrade, EngineVersions.IsUpgrade(desired, observed));

    [Theory]
    [InlineData("8.0.35", "8.0.40", true)]
    [InlineData("8.0", "8.4.3", true)]
    [InlineData("8.0", "8.0.40", false)]
    public void A_lower_version_is_a_downgrade_never_applied(string desired, string observed, bool downgrade) =>
        Assert.Equal(downgrade, EngineVersions.IsDowngrade(desired, observed));

    [Theory]
    [InlineData("8.4", "8.0.40", true)]
    [InlineData("8.0.41", "8.0.40", false)]
    public void A_major_change_is_one_of_the_first_two_parts(string desired, string observed, bool major) =>
        Assert.Equal(major, EngineVersions.IsMajorChange(desired, observed));
}
