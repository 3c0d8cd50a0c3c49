using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// CreateEnvironment, UpdateEnvironment and Create/UpdateConfigurationTemplate check option settings against the
/// platform's options as EB does: an unknown namespace or option is a ConfigurationValidationException ("Invalid
/// option specification (Namespace: 'x', OptionName: 'y'): Unknown configuration setting."), a bad value an
/// InvalidParameterValue ("Invalid option value: 'v' (Namespace: ..., OptionName: ...): reason").
/// </summary>
public sealed class OptionValidationTests
{
    private const string Asg = "aws:autoscaling:asg";
    private const string Process = "aws:elasticbeanstalk:environment:process:default";
    private const string Properties = "aws:elasticbeanstalk:application:environment";
    private const string Command = "aws:elasticbeanstalk:command";
    private const string UnknownSetting = "Unknown configuration setting.";

    [Theory]
    [InlineData("aws:nope", "Anything", "x")]
    [InlineData(Asg, "MinSizes", "1")]
    [InlineData("aws:elbv2:listener:default", "HealthCheckPath", "/health")]
    [InlineData("aws:elbv2:listener:99999", "Protocol", "HTTP")]
    [InlineData("aws:elasticbeanstalk:environment:process:", "Port", "80")]
    public async Task Unknown_namespaces_and_options_are_a_configuration_validation_exception_naming_the_option(string ns, string name, string value)
    {
        await using var rig = await ApplicationAsync();
        var error = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", (ns, name, value))]);

        Assert.Equal("ConfigurationValidationException", error.Code);
        Assert.Equal($"Configuration validation exception: Invalid option specification (Namespace: '{ns}', OptionName: '{name}'): {UnknownSetting}", error.Message);
        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments"), "Environments"));
    }

    [Theory]
    [InlineData(Asg, "MinSize", "many", "Value is not an integer between 0 and 10000.")]
    [InlineData(Asg, "MaxSize", "10001", "Value is not an integer between 0 and 10000.")]
    [InlineData(Process, "Port", "70000", "Value is not an integer between 1 and 65535.")]
    [InlineData(Process, "HealthCheckInterval", "2", "Value is not an integer between 5 and 300.")]
    [InlineData(Process, "Protocol", "FTP", "Value is not one of the allowed values: [HTTP, HTTPS, TCP]")]
    [InlineData("aws:elasticbeanstalk:environment", "LoadBalancerType", "gateway", "Value is not one of the allowed values: [classic, application, network]")]
    [InlineData("aws:elbv2:listener:default", "ListenerEnabled", "yes", "Value is not one of the allowed values: [true, false]")]
    [InlineData(Command, "DeploymentPolicy", "Canary", "Value is not one of the allowed values: [AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable, TrafficSplitting]")]
    [InlineData("aws:elasticbeanstalk:healthreporting:system", "SystemType", "fancy", "Value is not one of the allowed values: [basic, enhanced]")]
    [InlineData("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", "1", "Value is not an integer between 3 and 600.")]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "Timeout", "30 minutes", "Value does not satisfy regex: '^PT(\\d+H)?(\\d+M)?(\\d+S)?$' [An ISO 8601 duration, for example PT30M.]")]
    public async Task Values_outside_an_options_type_range_or_list_are_invalid_parameter_values(string ns, string name, string value, string reason)
    {
        await using var rig = await ApplicationAsync();
        var error = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", (ns, name, value))]);

        Assert.Equal(("InvalidParameterValue", $"Invalid option value: '{value}' (Namespace: '{ns}', OptionName: '{name}'): {reason}"), (error.Code, error.Message));
    }

    [Fact]
    public async Task Matcher_and_instance_type_are_checked_against_eb_s_pattern_and_the_platform_s_types()
    {
        await using var rig = await ApplicationAsync();
        var matcher = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", (Process, "MatcherHTTPCode", "2xx"))]);
        Assert.StartsWith($"Invalid option value: '2xx' (Namespace: '{Process}', OptionName: 'MatcherHTTPCode'): Value does not satisfy regex: ", matcher.Message, StringComparison.Ordinal);
        Assert.EndsWith("A valid value must be a single code of 3 digits, a comma separated list of codes (e.g 200,210), or a range of codes (e.g 200-210).]", matcher.Message, StringComparison.Ordinal);

        var type = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", ("aws:autoscaling:launchconfiguration", "InstanceType", "t9.huge"))]);
        Assert.StartsWith("Invalid option value: 't9.huge' (Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'InstanceType'): Value is not one of the allowed values: [", type.Message, StringComparison.Ordinal);

        foreach (var good in new[] { "200", "200-399", "200,202,204" })
        {
            await rig.Call.CallAsync("CreateConfigurationTemplate", [("ApplicationName", "web"), ("TemplateName", $"t{good.Length}"), ("SolutionStackName", EbRig.Stack), .. EbRig.Options("OptionSettings", (Process, "MatcherHTTPCode", good))]);
        }
    }

    [Fact]
    public async Task Every_option_the_operator_sends_is_accepted_and_kept()
    {
        await using var rig = await ApplicationAsync();
        var subnets = rig.World.Network.DefaultSubnets();
        var vpc = rig.World.Network.FindSubnet(subnets[0])!.Value.VpcId;
        var group = rig.World.Network.CreateServiceSecurityGroup(vpc, "web-instances", "instances", new Dictionary<string, string>());
        (string, string, string?)[] options =
        [
            (Asg, "MinSize", "2"), (Asg, "MaxSize", "4"),
            ("aws:autoscaling:launchconfiguration", "InstanceType", "t3.small"), ("aws:autoscaling:launchconfiguration", "IamInstanceProfile", "aws-elasticbeanstalk-ec2-role"),
            ("aws:autoscaling:launchconfiguration", "SecurityGroups", group), ("aws:autoscaling:launchconfiguration", "EC2KeyName", "ops"),
            ("aws:ec2:vpc", "VPCId", vpc), ("aws:ec2:vpc", "Subnets", string.Join(",", subnets)), ("aws:ec2:vpc", "ELBSubnets", string.Join(",", subnets)),
            ("aws:ec2:vpc", "AssociatePublicIpAddress", "true"), ("aws:ec2:vpc", "ELBScheme", "public"),
            ("aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"), ("aws:elasticbeanstalk:environment", "LoadBalancerType", "application"),
            ("aws:elasticbeanstalk:environment", "ServiceRole", "arn:aws:iam::123456789012:role/aws-elasticbeanstalk-service-role"),
            (Process, "Port", "8080"), (Process, "Protocol", "HTTP"), (Process, "HealthCheckPath", "/actuator/health"), (Process, "MatcherHTTPCode", "200-299"),
            (Process, "HealthCheckInterval", "10"), (Process, "DeregistrationDelay", "30"),
            ("aws:elbv2:listener:default", "ListenerEnabled", "true"), ("aws:elbv2:listener:default", "Protocol", "HTTP"),
            ("aws:elbv2:listener:443", "Protocol", "HTTPS"), ("aws:elbv2:listener:443", "SSLCertificateArns", "arn:aws:acm:ap-northeast-2:123456789012:certificate/abc"),
            ("aws:elasticbeanstalk:healthreporting:system", "SystemType", "enhanced"),
            (Properties, "SPRING_PROFILES_ACTIVE", "prod"), (Properties, "RDS_HOSTNAME", "db.example.internal"),
            (Command, "DeploymentPolicy", "Rolling"), (Command, "BatchSizeType", "Fixed"), (Command, "BatchSize", "1"), (Command, "Timeout", "900"), (Command, "IgnoreHealthCheck", "false"),
            ("aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", "20"), ("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", "10"),
            ("aws:autoscaling:updatepolicy:rollingupdate", "RollingUpdateEnabled", "true"), ("aws:autoscaling:updatepolicy:rollingupdate", "RollingUpdateType", "Health"),
            ("aws:autoscaling:updatepolicy:rollingupdate", "MaxBatchSize", "1"), ("aws:autoscaling:updatepolicy:rollingupdate", "MinInstancesInService", "1"),
            ("aws:autoscaling:updatepolicy:rollingupdate", "PauseTime", "PT1M"), ("aws:autoscaling:updatepolicy:rollingupdate", "Timeout", "PT30M"),
        ];
        await rig.Call.CallAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", options)]);

        var settings = await rig.Call.CallAsync("DescribeConfigurationSettings", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"));
        var kept = rig.Call.Members(settings, "ConfigurationSettings/member/OptionSettings")
            .Select(o => (rig.Call.Text(o, "Namespace"), rig.Call.Text(o, "OptionName"), rig.Call.Text(o, "Value"))).ToList();
        Assert.All(options, o => Assert.Contains(o, kept));
    }

    [Fact]
    public async Task Update_and_template_operations_reject_what_create_rejects_and_change_nothing()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        await rig.Call.CallAsync("CreateConfigurationTemplate", ("ApplicationName", "web"), ("TemplateName", "base"), ("SolutionStackName", EbRig.Stack));
        var unknown = EbRig.Options("OptionSettings", (Asg, "MinSize", "3"), ("aws:nope", "Anything", "x")).ToArray();
        var invalid = EbRig.Options("OptionSettings", (Asg, "MinSize", "many")).ToArray();

        foreach (var (action, target) in new (string, (string, string)[])[]
        {
            ("UpdateEnvironment", [("EnvironmentName", "web-blue")]),
            ("CreateConfigurationTemplate", [("ApplicationName", "web"), ("TemplateName", "next"), ("SolutionStackName", EbRig.Stack)]),
            ("UpdateConfigurationTemplate", [("ApplicationName", "web"), ("TemplateName", "base")]),
        })
        {
            Assert.Equal("ConfigurationValidationException", (await rig.Call.FailAsync(action, [.. target, .. unknown])).Code);
            Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync(action, [.. target, .. invalid])).Code);
        }

        Assert.Equal(("Ready", "Green", "Ok"), await rig.StatusAsync("web-blue"));
        var app = await rig.Call.CallAsync("DescribeApplications", ("ApplicationNames.member.1", "web"));
        Assert.Equal(["base"], rig.Call.Members(app, "Applications/member/ConfigurationTemplates").Select(t => t.Value));
        var base_ = await rig.Call.CallAsync("DescribeConfigurationSettings", ("ApplicationName", "web"), ("TemplateName", "base"));
        Assert.Contains(rig.Call.Members(base_, "ConfigurationSettings/member/OptionSettings"), o => rig.Call.Text(o, "OptionName") == "MinSize" && rig.Call.Text(o, "Value") == "1");
    }

    [Fact]
    public async Task Environment_properties_follow_eb_s_name_and_size_limits_without_repeating_values()
    {
        await using var rig = await ApplicationAsync();
        var longValue = "p" + new string('x', 256);
        var tooLong = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", (Properties, "RDS_PASSWORD", longValue))]);
        Assert.Equal("InvalidParameterValue", tooLong.Code);
        Assert.Contains("OptionName: 'RDS_PASSWORD'", tooLong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(longValue, tooLong.Message, StringComparison.Ordinal);

        var badName = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", (Properties, "MY VAR", "1"))]);
        Assert.Equal("ConfigurationValidationException", badName.Code);
        Assert.Equal("ConfigurationValidationException", (await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", (Properties, new string('K', 129), "1"))])).Code);

        // 20 properties of 200 bytes each (key=value) pass the 4,096-byte total; a 21st does not; a 128-character
        // name is allowed.
        var twentyOne = Enumerable.Range(1, 21).Select(i => (Properties, $"P{i:D2}", (string?)new string('v', 196))).ToArray();
        var total = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", twentyOne)]);
        Assert.Equal(("InvalidParameterValue", $"Invalid option specification (Namespace: '{Properties}', OptionName: 'P21'): The combined size of all environment properties cannot exceed 4096 bytes."), (total.Code, total.Message));
        await rig.Call.CallAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", [.. twentyOne[..19], (Properties, new string('K', 128), "1")])]);
    }

    [Theory]
    [InlineData("3", "2", null, null, "Invalid option specification (Namespace: 'aws:autoscaling:asg', OptionName: 'MinSize'): MinSize (3) must be less than or equal to MaxSize (2).")]
    [InlineData("1", "4", "Percentage", "150", "Invalid option value: '150' (Namespace: 'aws:elasticbeanstalk:command', OptionName: 'BatchSize'): Value is not an integer between 1 and 100.")]
    [InlineData("1", "4", "Fixed", "5", "Invalid option value: '5' (Namespace: 'aws:elasticbeanstalk:command', OptionName: 'BatchSize'): Value is not an integer between 1 and 4.")]
    [InlineData("1", "4", "Fixed", "4", null)]
    public async Task The_whole_configuration_is_checked_after_merging(string min, string max, string? batchType, string? batch, string? message)
    {
        await using var rig = await ApplicationAsync();
        (string, string, string?)[] options = [(Asg, "MinSize", min), (Asg, "MaxSize", max), (Command, "BatchSizeType", batchType), (Command, "BatchSize", batch)];
        (string, string)[] request = [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", [.. options.Where(o => o.Item3 is not null)])];
        if (message is null)
        {
            await rig.Call.CallAsync("CreateEnvironment", request);
            return;
        }

        Assert.Equal(("InvalidParameterValue", message), Error(await rig.Call.FailAsync("CreateEnvironment", request)));
    }

    [Fact]
    public async Task Options_to_remove_must_exist_and_scheduled_actions_need_a_resource_name()
    {
        await using var rig = await ApplicationAsync();
        var remove = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), ("OptionsToRemove.member.1.Namespace", "aws:nope"), ("OptionsToRemove.member.1.OptionName", "X")]);
        Assert.Equal(("ConfigurationValidationException", $"Configuration validation exception: Invalid option specification (Namespace: 'aws:nope', OptionName: 'X'): {UnknownSetting}"), Error(remove));

        var scheduled = await rig.Call.FailAsync("CreateEnvironment", [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", ("aws:autoscaling:scheduledaction", "MinSize", "0"))]);
        Assert.Equal(("InvalidParameterValue", "The scheduled action name cannot be blank."), Error(scheduled));
        await rig.Call.CallAsync(
            "CreateEnvironment",
            [.. Environment("web-blue"), .. EbRig.Options("OptionSettings", ("aws:autoscaling:scheduledaction", "MinSize", "0")), ("OptionSettings.member.1.ResourceName", "night"),
            ("OptionsToRemove.member.1.Namespace", Asg), ("OptionsToRemove.member.1.OptionName", "MaxSize")]);
    }

    private static async Task<EbRig> ApplicationAsync()
    {
        var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        return rig;
    }

    private static (string, string)[] Environment(string name) =>
        [("ApplicationName", "web"), ("EnvironmentName", name), ("SolutionStackName", EbRig.Stack)];

    private static (string, string) Error(AwsSimException error) => (error.Code, error.Message);
}
