using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Tests.Resources.ElasticBeanstalk;

public sealed class EbOptionCatalogTests
{
    private static readonly EbOptionCatalog Catalog = new(
    [
        new Option { Namespace = "aws:autoscaling:asg", Name = "MinSize", ValueType = "Scalar", MinValue = 1, MaxValue = 10000, DefaultValue = "1" },
        new Option { Namespace = "aws:ec2:instances", Name = "InstanceTypes", ValueType = "List", ValueOptions = ["t3.micro", "t3.small"], DefaultValue = "t3.micro, t3.small" },
        new Option { Namespace = "aws:ec2:vpc", Name = "AssociatePublicIpAddress", ValueType = "Scalar", ValueOptions = ["true", "false"] },
        new Option { Namespace = "aws:elbv2:listener:default", Name = "Protocol", ValueType = "Scalar", ValueOptions = ["HTTP", "HTTPS"], DefaultValue = "HTTP" },
        new Option { Namespace = "aws:elasticbeanstalk:environment:process:default", Name = "HealthCheckPath", ValueType = "Scalar", MaxLength = 8, DefaultValue = "/" },
        new Option { Namespace = "aws:elasticbeanstalk:managedactions", Name = "PreferredStartTime", ValueType = "Scalar", Regex = new Regex { Pattern = "^(Mon|Tue):[0-9]{2}:[0-9]{2}$", Label = "day:hour:minute" } },
    ]);

    public static TheoryData<string, string, string, bool> Checks => new()
    {
        { "aws:autoscaling:asg", "MinSize", "2", true },
        { "aws:autoscaling:asg", "MinSize", "0", false },
        { "aws:autoscaling:asg", "MinSize", "two", false },
        { "aws:autoscaling:asg", "MinSizes", "2", false },
        { "aws:ec2:instances", "InstanceTypes", "t3.small, t3.micro", true },
        { "aws:ec2:instances", "InstanceTypes", "t3.small,t3.huge", false },
        { "aws:ec2:vpc", "AssociatePublicIpAddress", "TRUE", true },
        { "aws:elbv2:listener:8080", "Protocol", "HTTP", true },
        { "aws:elbv2:listener:8080", "Protocol", "TCP", false },
        { "aws:elasticbeanstalk:environment:process:api", "HealthCheckPath", "/health-check", false },
        { "aws:elasticbeanstalk:managedactions", "PreferredStartTime", "Tue:09:00", true },
        { "aws:elasticbeanstalk:managedactions", "PreferredStartTime", "Friday", false },
        { "aws:elasticbeanstalk:application:environment", "ANY_NAME", "any value", true },
        { "aws:elbv2:listenerrule:api", "Priority", "1", true },
        { "aws:nope", "X", "1", false },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void A_setting_is_checked_against_its_definition(string ns, string name, string value, bool accepted) =>
        Assert.Equal(accepted, Catalog.Check(new EbTemplateOption(ns, name, value)) is null);

    [Fact]
    public void A_rejected_sensitive_value_is_not_repeated_in_the_message()
    {
        var problem = Catalog.Check(new EbTemplateOption("aws:autoscaling:asg", "MinSize", "secret-value", sensitive: true));

        Assert.DoesNotContain("secret-value", problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:ec2:instances", "InstanceTypes", "t3.micro,t3.small", true)]
    [InlineData("aws:autoscaling:asg", "MinSize", "1", true)]
    [InlineData("aws:autoscaling:asg", "MinSize", "3", false)]
    [InlineData("aws:autoscaling:asg", "MinSize", "", true)]
    [InlineData("aws:elasticbeanstalk:command", "DeploymentPolicy", "Rolling", false)]
    public void Defaults_are_recognised(string ns, string name, string value, bool isDefault) =>
        Assert.Equal(isDefault, Catalog.IsDefault(new EbOptionKey(ns, name), value));

    [Theory]
    [InlineData("aws:autoscaling:asg/MinSize", "aws:autoscaling:asg", "MinSize", null)]
    [InlineData("aws:autoscaling:scheduledaction/MinSize/night", "aws:autoscaling:scheduledaction", "MinSize", "night")]
    public void Option_keys_print_and_parse_back(string text, string ns, string name, string? resource)
    {
        var key = new EbOptionKey(ns, name, resource);

        Assert.Equal(text, key.ToString());
        Assert.Equal(key, EbOptionKey.Parse(text));
    }

    [Fact]
    public void An_empty_resource_name_is_the_same_as_none() =>
        Assert.Equal(new EbOptionKey("aws:autoscaling:asg", "MinSize", ""), new EbOptionKey("aws:autoscaling:asg", "MinSize"));
}
