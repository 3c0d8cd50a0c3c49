using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Core;

/// <summary>The one Query parameter reader: both list spellings, nested structures, and each service family's errors.</summary>
public sealed class SimParamsTests
{
    private static readonly SimParamErrors Validation = SimParamErrors.Validation(
        static (name, message) => new AwsSimException("Missing:" + name, message),
        static (name, message) => new AwsSimException("Invalid:" + name, message));

    [Fact]
    public void Numbered_lists_allow_gaps_and_member_lists_stop_at_the_first_gap()
    {
        var p = new SimParams(new Dictionary<string, string>
        {
            ["GroupId.3"] = "c",
            ["GroupId.1"] = "a",
            ["Names.member.1"] = "x",
            ["Names.member.3"] = "z",
        });

        Assert.Equal(["a", "c"], p.List("GroupId"));
        Assert.Equal(["x"], p.Members("Names"));
    }

    [Fact]
    public void Nested_structures_read_relative_names_and_tags()
    {
        var p = new SimParams(new Dictionary<string, string>
        {
            ["Config.Rule.Enabled"] = "true",
            ["Config.Rule.MaxCount"] = "7",
            ["Actions.member.1.Type"] = "forward",
            ["Actions.member.1.Tags.member.1.Key"] = "k",
            ["Actions.member.2.Type"] = "fixed-response",
            ["Filter.1.Name"] = "vpc-id",
            ["Filter.1.Value.1"] = "vpc-1",
        }, Validation);

        var rule = p.Struct("Config").Struct("Rule");
        Assert.True(rule.Bool("Enabled"));
        Assert.Equal(7, rule.Int("MaxCount"));
        Assert.True(p.Has("Config"));
        Assert.False(p.Has("Conf"));
        var actions = p.Structs("Actions");
        Assert.Equal(["forward", "fixed-response"], actions.Select(a => a.Get("Type")));
        Assert.Equal([KeyValuePair.Create("k", "")], actions[0].Tags());
        Assert.Equal(["Filter.1"], p.Indexed("Filter"));
        Assert.Equal(["vpc-1"], p.List("Filter.1.Value"));
    }

    [Fact]
    public void Default_errors_are_MissingParameter_and_InvalidParameterValue()
    {
        var p = new SimParams(new Dictionary<string, string> { ["MaxRecords"] = "ten", ["Multi"] = "yes" });

        var missing = Assert.Throws<AwsSimException>(() => p.Required("DBInstanceIdentifier"));
        Assert.Equal(SimErrors.MissingParameter, missing.Code);
        Assert.Equal("The request must contain the parameter DBInstanceIdentifier", missing.Message);
        var number = Assert.Throws<AwsSimException>(() => p.Int("MaxRecords"));
        Assert.Equal(SimErrors.InvalidParameterValue, number.Code);
        Assert.Equal("Invalid value 'ten' for MaxRecords: not an integer", number.Message);
        Assert.Equal("Invalid value 'yes' for Multi: not a boolean", Assert.Throws<AwsSimException>(() => p.Bool("Multi")).Message);
    }

    [Fact]
    public void Validation_errors_name_the_full_parameter_and_word_the_message_with_the_relative_name()
    {
        var p = new SimParams(new Dictionary<string, string> { ["Matcher.HttpCode"] = "200", ["Port"] = "eighty", ["At"] = "soon" }, Validation);

        var missing = Assert.Throws<AwsSimException>(() => p.Struct("Matcher").Required("GrpcCode"));
        Assert.Equal("Missing:Matcher.GrpcCode", missing.Code);
        Assert.Equal("1 validation error detected: Value null at 'grpcCode' failed to satisfy constraint: Member must not be null", missing.Message);
        var port = Assert.Throws<AwsSimException>(() => p.Int("Port"));
        Assert.Equal("Invalid:Port", port.Code);
        Assert.Equal("Value 'eighty' at 'port' failed to satisfy constraint: Member must be a number", port.Message);
        Assert.Equal("Value 'soon' at 'at' failed to satisfy constraint: Member must be a timestamp",
            Assert.Throws<AwsSimException>(() => p.Timestamp("At")).Message);
    }
}
