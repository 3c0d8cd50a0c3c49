using System.Xml.Linq;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// DescribeConfigurationOptions against the API reference (request and response checked against the official model)
/// and the option names, types, defaults and ranges of the EB developer guide ("General options for all environments").
/// </summary>
public sealed class ConfigurationOptionsTests
{
    private const string PythonStack = "64bit Amazon Linux 2023 v4.2.0 running Python 3.11";

    [Theory]
    [InlineData("aws:autoscaling:asg", "MaxSize", "Scalar", "4", null, 10000)]
    [InlineData("aws:autoscaling:asg", "Cooldown", "Scalar", "360", 0, 10000)]
    [InlineData("aws:autoscaling:launchconfiguration", "InstanceType", "Scalar", null, null, null)]
    [InlineData("aws:autoscaling:launchconfiguration", "IamInstanceProfile", "Scalar", null, null, null)]
    [InlineData("aws:autoscaling:launchconfiguration", "SecurityGroups", "List", null, null, null)]
    [InlineData("aws:autoscaling:launchconfiguration", "EC2KeyName", "Scalar", null, null, null)]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "MaxBatchSize", "Scalar", null, 1, 10000)]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "MinInstancesInService", "Scalar", null, 0, 9999)]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "RollingUpdateType", "Scalar", "Time", null, null)]
    [InlineData("aws:ec2:vpc", "VPCId", "Scalar", null, null, null)]
    [InlineData("aws:ec2:vpc", "Subnets", "List", null, null, null)]
    [InlineData("aws:ec2:vpc", "ELBSubnets", "List", null, null, null)]
    [InlineData("aws:ec2:vpc", "AssociatePublicIpAddress", "Boolean", null, null, null)]
    [InlineData("aws:ec2:vpc", "ELBScheme", "Scalar", "public", null, null)]
    [InlineData("aws:elasticbeanstalk:environment", "EnvironmentType", "Scalar", "LoadBalanced", null, null)]
    [InlineData("aws:elasticbeanstalk:environment", "ServiceRole", "Scalar", null, null, null)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "Port", "Scalar", "80", 1, 65535)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "Protocol", "Scalar", "HTTP", null, null)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "HealthCheckPath", "Scalar", "/", null, null)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "HealthCheckInterval", "Scalar", "15", 5, 300)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "HealthCheckTimeout", "Scalar", "5", 1, 60)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "HealthyThresholdCount", "Scalar", "3", 2, 10)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "UnhealthyThresholdCount", "Scalar", "5", 2, 10)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "DeregistrationDelay", "Scalar", "20", 0, 3600)]
    [InlineData("aws:elasticbeanstalk:environment:process:default", "MatcherHTTPCode", "Scalar", "200", null, null)]
    [InlineData("aws:elbv2:listener:default", "ListenerEnabled", "Boolean", "true", null, null)]
    [InlineData("aws:elbv2:listener:default", "Protocol", "Scalar", "HTTP", null, null)]
    [InlineData("aws:elasticbeanstalk:healthreporting:system", "SystemType", "Scalar", null, null, null)]
    [InlineData("aws:elasticbeanstalk:command", "DeploymentPolicy", "Scalar", "AllAtOnce", null, null)]
    [InlineData("aws:elasticbeanstalk:command", "BatchSizeType", "Scalar", "Percentage", null, null)]
    [InlineData("aws:elasticbeanstalk:command", "BatchSize", "Scalar", "100", 1, null)]
    [InlineData("aws:elasticbeanstalk:command", "Timeout", "Scalar", "600", 1, 3600)]
    [InlineData("aws:elasticbeanstalk:command", "IgnoreHealthCheck", "Boolean", "false", null, null)]
    [InlineData("aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", "Scalar", "10", 1, 100)]
    [InlineData("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", "Scalar", "5", 3, 600)]
    [InlineData("aws:elasticbeanstalk:cloudwatch:logs", "RetentionInDays", "Scalar", "7", null, null)]
    public async Task Platform_options_are_described_with_the_guides_type_default_and_range(
        string ns, string name, string valueType, string? defaultValue, int? min, int? max)
    {
        await using var rig = new EbRig();
        var option = Single(rig, await rig.Call.CallAsync(
            "DescribeConfigurationOptions", ("SolutionStackName", EbRig.Stack), ("Options.member.1.Namespace", ns), ("Options.member.1.OptionName", name)));

        Assert.Equal((ns, name, valueType), (rig.Call.Text(option, "Namespace"), rig.Call.Text(option, "Name"), rig.Call.Text(option, "ValueType")));
        Assert.Contains(rig.Call.Text(option, "ChangeSeverity"), new[] { "NoInterruption", "RestartEnvironment", "RestartApplicationServer" });
        if (defaultValue is not null)
        {
            Assert.Equal(defaultValue, rig.Call.Text(option, "DefaultValue"));
        }

        Assert.Equal(min?.ToString(System.Globalization.CultureInfo.InvariantCulture), min is null ? null : rig.Call.Text(option, "MinValue"));
        Assert.Equal(max?.ToString(System.Globalization.CultureInfo.InvariantCulture), max is null ? null : rig.Call.Text(option, "MaxValue"));
    }

    [Theory]
    [InlineData("aws:elasticbeanstalk:environment", "LoadBalancerType", "classic,application,network")]
    [InlineData("aws:elasticbeanstalk:environment", "EnvironmentType", "SingleInstance,LoadBalanced")]
    [InlineData("aws:elasticbeanstalk:command", "DeploymentPolicy", "AllAtOnce,Rolling,RollingWithAdditionalBatch,Immutable,TrafficSplitting")]
    [InlineData("aws:elasticbeanstalk:command", "BatchSizeType", "Percentage,Fixed")]
    [InlineData("aws:elasticbeanstalk:healthreporting:system", "SystemType", "basic,enhanced")]
    [InlineData("aws:autoscaling:updatepolicy:rollingupdate", "RollingUpdateType", "Time,Health,Immutable")]
    [InlineData("aws:elbv2:listener:default", "Protocol", "HTTP,HTTPS")]
    [InlineData("aws:elbv2:listener:default", "ListenerEnabled", "true,false")]
    public async Task Enumerated_options_list_the_guides_values(string ns, string name, string values)
    {
        await using var rig = new EbRig();
        var option = Single(rig, await rig.Call.CallAsync(
            "DescribeConfigurationOptions", ("SolutionStackName", EbRig.Stack), ("Options.member.1.Namespace", ns), ("Options.member.1.OptionName", name)));

        Assert.Equal(values.Split(','), option.Element(rig.Call.Ns + "ValueOptions")!.Elements(rig.Call.Ns + "member").Select(v => v.Value));
    }

    [Fact]
    public async Task Options_name_the_platform_and_carry_instance_types_and_eb_s_matcher_pattern()
    {
        await using var rig = new EbRig();
        var result = await rig.Call.CallAsync("DescribeConfigurationOptions", ("SolutionStackName", EbRig.Stack));
        Assert.Equal(EbRig.Stack, rig.Call.Text(result, "SolutionStackName"));
        Assert.Equal("arn:aws:elasticbeanstalk:ap-northeast-2::platform/Corretto 17 running on 64bit Amazon Linux 2023/4.3.0", rig.Call.Text(result, "PlatformArn"));

        var options = rig.Call.Members(result, "Options");
        var instanceType = options.Single(o => rig.Call.Text(o, "Name") == "InstanceType");
        Assert.Contains("t3.small", instanceType.Element(rig.Call.Ns + "ValueOptions")!.Elements().Select(e => e.Value));
        var matcher = options.Single(o => rig.Call.Text(o, "Name") == "MatcherHTTPCode");
        Assert.Equal(@"^((\d{3}(-\d{3})?)|(\d{3}(,\d{3})*))$", rig.Call.Text(matcher, "Regex/Pattern"));
        Assert.DoesNotContain(options, o => rig.Call.Text(o, "Namespace") == "aws:elasticbeanstalk:container:python");
        Assert.Equal(
            options.Count,
            options.Select(o => (rig.Call.Text(o, "Namespace"), rig.Call.Text(o, "Name"))).Distinct().Count());
    }

    [Fact]
    public async Task Platform_specific_options_follow_the_platform()
    {
        await using var rig = new EbRig();
        var python = await rig.Call.CallAsync("DescribeConfigurationOptions", ("SolutionStackName", PythonStack), ("Options.member.1.Namespace", "aws:elasticbeanstalk:container:python"));
        Assert.Equal(["WSGIPath", "NumProcesses", "NumThreads"], rig.Call.Members(python, "Options").Select(o => rig.Call.Text(o, "Name")));

        var proxy = await rig.Call.CallAsync("DescribeConfigurationOptions", ("SolutionStackName", EbRig.Stack), ("Options.member.1.Namespace", "aws:elasticbeanstalk:environment:proxy"), ("Options.member.1.OptionName", "ProxyServer"));
        Assert.Equal("nginx", rig.Call.Text(Single(rig, proxy), "DefaultValue"));
    }

    [Fact]
    public async Task Options_of_an_environment_include_its_properties_as_user_defined()
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        await rig.Call.CallAsync("CreateEnvironment", [("ApplicationName", "web"), ("EnvironmentName", "web-blue"), ("SolutionStackName", EbRig.Stack),
            .. EbRig.Options("OptionSettings", ("aws:elasticbeanstalk:application:environment", "SPRING_PROFILES_ACTIVE", "prod"), ("aws:elasticbeanstalk:environment:process:admin", "Port", "8081"))]);

        var result = await rig.Call.CallAsync("DescribeConfigurationOptions", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"));
        var options = rig.Call.Members(result, "Options");
        var property = options.Single(o => rig.Call.Text(o, "Name") == "SPRING_PROFILES_ACTIVE");
        Assert.Equal(("aws:elasticbeanstalk:application:environment", "true"), (rig.Call.Text(property, "Namespace"), rig.Call.Text(property, "UserDefined")));
        Assert.Contains(options, o => rig.Call.Text(o, "Namespace") == "aws:elasticbeanstalk:environment:process:admin" && rig.Call.Text(o, "Name") == "HealthCheckPath");
        Assert.All(options.Where(o => rig.Call.Text(o, "Name") == "MinSize"), o => Assert.Equal("false", rig.Call.Text(o, "UserDefined")));
    }

    [Fact]
    public async Task Unknown_platforms_templates_and_missing_subjects_are_rejected()
    {
        await using var rig = new EbRig();
        Assert.Equal(("InvalidParameterValue", "No Solution Stack named 'Windows 95' found."), Error(await rig.Call.FailAsync("DescribeConfigurationOptions", ("SolutionStackName", "Windows 95"))));
        Assert.Equal("MissingRequiredParameter", (await rig.Call.FailAsync("DescribeConfigurationOptions")).Code);
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        Assert.Equal(
            ("InvalidParameterValue", "No Configuration Template named 'web/base' found."),
            Error(await rig.Call.FailAsync("DescribeConfigurationOptions", ("ApplicationName", "web"), ("TemplateName", "base"))));
    }

    private static XElement Single(EbRig rig, XElement result) => Assert.Single(rig.Call.Members(result, "Options"));

    private static (string, string) Error(Ebops.Sandbox.Aws.Core.AwsSimException error) => (error.Code, error.Message);
}
