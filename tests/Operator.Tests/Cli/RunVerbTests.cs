using Ebops.Operator.Cli;

namespace Ebops.Operator.Tests.Cli;

public sealed class RunVerbTests
{
    [Theory]
    [InlineData("30s", "00:00:30")]
    [InlineData("10m", "00:10:00")]
    [InlineData("1h30m", "01:30:00")]
    [InlineData("500ms", "00:00:00.5000000")]
    [InlineData("45", "00:00:45")]
    [InlineData("00:05:00", "00:05:00")]
    public void Durations_accept_go_style_and_timespan_forms(string input, string expected) =>
        Assert.Equal(expected, RunVerb.Duration(input));

    [Fact]
    public void A_bad_duration_says_what_is_expected() =>
        Assert.Contains("examples: 30s", Assert.Throws<FormatException>(() => RunVerb.Duration("ten minutes")).Message, StringComparison.Ordinal);
}
