using Ebops.Operator.Resources;

namespace Ebops.Operator.Tests.Resources;

public sealed class AwsNamesTests
{
    [Theory]
    [InlineData(32, "ebops-prod-myapp", "ebops", "prod", "myapp")]
    [InlineData(32, "ebops-my-app", "ebops", "My_App!")]
    [InlineData(32, "a-b", "--a--", "", "b-")]
    public void Short_names_are_joined_and_cleaned(int max, string expected, params string[] parts) =>
        Assert.Equal(expected, AwsNames.Compose(max, AwsNames.LowerAlphanumeric, parts));

    [Fact]
    public void Long_names_are_cut_with_a_stable_hash_that_keeps_them_apart()
    {
        var first = AwsNames.Compose(32, AwsNames.LowerAlphanumeric, "ebops", "a-very-long-namespace-name", "frontend-one");
        var second = AwsNames.Compose(32, AwsNames.LowerAlphanumeric, "ebops", "a-very-long-namespace-name", "frontend-two");

        Assert.Equal(32, first.Length);
        Assert.Equal(32, second.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, AwsNames.Compose(32, AwsNames.LowerAlphanumeric, "ebops", "a-very-long-namespace-name", "frontend-one"));
        Assert.Matches("^ebops-a-very-long-names-[0-9a-f]{8}$", first);
    }
}
