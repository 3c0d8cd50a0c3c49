namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// ValidateConfigurationSettings (API reference): settings checked against a template's or an environment's
/// configuration; findings come back as Messages (Severity error or warning, Namespace, OptionName) instead of an
/// error; exactly one of TemplateName and EnvironmentName.
/// </summary>
public sealed class ValidateConfigurationSettingsTests
{
    [Fact]
    public async Task Findings_are_messages_naming_each_option_and_nothing_is_applied()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        var result = await rig.Call.CallAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("EnvironmentName", "web-blue"), .. EbRig.Options(
            "OptionSettings",
            ("aws:nope", "Anything", "x"),
            ("aws:autoscaling:asg", "MinSize", "many"),
            ("aws:ec2:vpc", "ELBScheme", "dmz"),
            ("aws:elasticbeanstalk:environment:process:default", "HealthCheckPath", "/ready"))]);

        var messages = rig.Call.Members(result, "Messages")
            .Select(m => (rig.Call.Text(m, "Severity"), rig.Call.Text(m, "Namespace"), rig.Call.Text(m, "OptionName"), rig.Call.Text(m, "Message")))
            .ToList();
        Assert.Equal(
            [
                ("error", "aws:nope", "Anything", "Invalid option specification (Namespace: 'aws:nope', OptionName: 'Anything'): Unknown configuration setting."),
                ("error", "aws:autoscaling:asg", "MinSize", "Invalid option value: 'many' (Namespace: 'aws:autoscaling:asg', OptionName: 'MinSize'): Value is not an integer between 0 and 10000."),
                ("warning", "aws:ec2:vpc", "ELBScheme", "Value 'dmz' is neither public nor internal: Elastic Beanstalk ignores it."),
            ],
            messages);
        var groups = await rig.Elb.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", rig.Call.Text(await rig.Call.CallAsync("DescribeEnvironmentResources", ("EnvironmentName", "web-blue")), "EnvironmentResources/LoadBalancers/member/Name")!));
        Assert.Equal("/health", rig.Elb.Text(groups, "TargetGroups/member/HealthCheckPath"));
    }

    [Fact]
    public async Task Settings_are_checked_against_the_current_configuration()
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        await rig.Call.CallAsync("CreateConfigurationTemplate", [("ApplicationName", "web"), ("TemplateName", "small"), ("SolutionStackName", EbRig.Stack),
            .. EbRig.Options("OptionSettings", ("aws:autoscaling:asg", "MaxSize", "2"))]);

        var tooMany = await rig.Call.CallAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("TemplateName", "small"), .. EbRig.Options("OptionSettings", ("aws:autoscaling:asg", "MinSize", "3"))]);
        var message = Assert.Single(rig.Call.Members(tooMany, "Messages"));
        Assert.Equal(("error", "MinSize"), (rig.Call.Text(message, "Severity"), rig.Call.Text(message, "OptionName")));
        Assert.Contains("MinSize (3) must be less than or equal to MaxSize (2)", rig.Call.Text(message, "Message"), StringComparison.Ordinal);

        var fine = await rig.Call.CallAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("TemplateName", "small"), .. EbRig.Options("OptionSettings", ("aws:autoscaling:asg", "MinSize", "2"))]);
        Assert.Empty(rig.Call.Members(fine, "Messages"));
    }

    [Fact]
    public async Task The_settings_describe_configuration_settings_reports_validate_cleanly()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        var settings = await rig.Call.CallAsync("DescribeConfigurationSettings", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"));
        var reported = rig.Call.Members(settings, "ConfigurationSettings/member/OptionSettings")
            .Select(o => (rig.Call.Text(o, "Namespace")!, rig.Call.Text(o, "OptionName")!, rig.Call.Text(o, "Value")))
            .ToArray();
        Assert.True(reported.Length > 20);

        var result = await rig.Call.CallAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("EnvironmentName", "web-blue"), .. EbRig.Options("OptionSettings", reported)]);

        Assert.Empty(rig.Call.Members(result, "Messages"));
    }

    [Fact]
    public async Task Exactly_one_of_template_and_environment_of_an_existing_application()
    {
        await using var rig = new EbRig();
        var option = EbRig.Options("OptionSettings", ("aws:autoscaling:asg", "MinSize", "1")).ToArray();
        Assert.Equal("No Application named 'web' found.", (await rig.Call.FailAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("TemplateName", "t"), .. option])).Message);
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));

        Assert.Equal("MissingRequiredParameter", (await rig.Call.FailAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), .. option])).Code);
        Assert.Equal("InvalidParameterCombination", (await rig.Call.FailAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("TemplateName", "t"), ("EnvironmentName", "web-blue"), .. option])).Code);
        Assert.Equal("No Environment found for EnvironmentName = 'web-blue'.", (await rig.Call.FailAsync("ValidateConfigurationSettings", [("ApplicationName", "web"), ("EnvironmentName", "web-blue"), .. option])).Message);
    }
}
