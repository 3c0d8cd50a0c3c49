using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Core;

public sealed class SimRedactionTests
{
    [Fact]
    public void Secret_names_and_values_of_secret_pairs_are_masked()
    {
        var redacted = SimRedaction.Redact(new Dictionary<string, string>
        {
            ["MasterUserPassword"] = "p1",
            ["OptionSettings.member.1.Namespace"] = "aws:elasticbeanstalk:application:environment",
            ["OptionSettings.member.1.OptionName"] = "RDS_PASSWORD",
            ["OptionSettings.member.1.Value"] = "p2",
            ["OptionSettings.member.2.OptionName"] = "RDS_HOSTNAME",
            ["OptionSettings.member.2.Value"] = "db.example",
            ["Tags.member.1.Key"] = "api-secret",
            ["Tags.member.1.Value"] = "p3",
            ["NextToken"] = "page-2",
            ["X-Amz-Security-Token"] = "t",
        });
        Assert.Equal(SimRedaction.Mask, redacted["MasterUserPassword"]);
        Assert.Equal(SimRedaction.Mask, redacted["OptionSettings.member.1.Value"]);
        Assert.Equal(SimRedaction.Mask, redacted["Tags.member.1.Value"]);
        Assert.Equal(SimRedaction.Mask, redacted["X-Amz-Security-Token"]);
        Assert.Equal("db.example", redacted["OptionSettings.member.2.Value"]);
        Assert.Equal("RDS_PASSWORD", redacted["OptionSettings.member.1.OptionName"]);
        Assert.Equal("page-2", redacted["NextToken"]);
    }

    [Fact]
    public void Json_is_masked_by_property_name_and_by_pairs()
    {
        var json = new JsonObject
        {
            ["masterUserPassword"] = "p1",
            ["optionSettings"] = new JsonArray(
                new JsonObject { ["OptionName"] = "DB_SECRET", ["Value"] = "p2" },
                new JsonObject { ["OptionName"] = "PORT", ["Value"] = "80" }),
        };
        var text = SimRedaction.Redact(json)!.ToJsonString();
        Assert.DoesNotContain("p1", text);
        Assert.DoesNotContain("p2", text);
        Assert.Contains("\"80\"", text);
    }
}
