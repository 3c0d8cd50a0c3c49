using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

public sealed class ApplicationTests
{
    [Fact]
    public async Task Applications_are_created_described_and_duplicates_rejected_with_eb_message()
    {
        await using var rig = new EbRig();
        var created = await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"), ("Description", "the web app"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "a"));
        Assert.Equal("arn:aws:elasticbeanstalk:ap-northeast-2:123456789012:application/web", rig.Call.Text(created, "Application/ApplicationArn"));

        var error = await rig.Call.FailAsync("CreateApplication", ("ApplicationName", "web"));
        Assert.Equal(("InvalidParameterValue", "Application web already exists."), (error.Code, error.Message));
        var described = await rig.Call.CallAsync("DescribeApplications");
        Assert.Equal(["web"], rig.Call.Members(described, "Applications").Select(a => rig.Call.Text(a, "ApplicationName")));
        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeApplications", ("ApplicationNames.member.1", "nope")), "Applications"));
    }

    [Fact]
    public async Task Application_version_needs_its_source_bundle_in_s3_and_is_processed()
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));

        var missing = await rig.Call.FailAsync(
            "CreateApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.0"), ("SourceBundle.S3Bucket", EbRig.Bucket), ("SourceBundle.S3Key", "web/none.zip"));
        Assert.Equal("InvalidParameterCombination", missing.Code);
        Assert.Equal($"Unable to download from S3 location (Bucket: {EbRig.Bucket}  Key: web/none.zip). Reason: Not Found", missing.Message);
        Assert.Equal("No Application named 'other' found.", (await rig.Call.FailAsync("CreateApplicationVersion", ("ApplicationName", "other"), ("VersionLabel", "1"))).Message);

        await rig.VersionAsync("web", "1.0.0");
        var processing = await rig.Call.CallAsync("DescribeApplicationVersions", ("ApplicationName", "web"), ("VersionLabels.member.1", "1.0.0"));
        Assert.Equal("PROCESSING", rig.Call.Text(processing, "ApplicationVersions/member/Status"));
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        var processed = await rig.Call.CallAsync("DescribeApplicationVersions", ("ApplicationName", "web"), ("VersionLabels.member.1", "1.0.0"));
        Assert.Equal(("PROCESSED", EbRig.Bucket, "web/1.0.0.zip"), (rig.Call.Text(processed, "ApplicationVersions/member/Status"), rig.Call.Text(processed, "ApplicationVersions/member/SourceBundle/S3Bucket"), rig.Call.Text(processed, "ApplicationVersions/member/SourceBundle/S3Key")));
        Assert.Equal("Application Version 1.0.0 already exists.", (await rig.Call.FailAsync("CreateApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.0"))).Message);

        var unprocessed = await rig.Call.CallAsync("CreateApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "2"), ("AutoCreateApplication", "true"));
        Assert.Equal("UNPROCESSED", rig.Call.Text(unprocessed, "ApplicationVersion/Status"));
    }

    [Fact]
    public async Task DescribeApplicationVersions_pages_newest_first()
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        for (var i = 1; i <= 5; i++)
        {
            await rig.VersionAsync("web", $"1.0.{i}");
            rig.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var labels = new List<string>();
        string? token = null;
        do
        {
            var page = token is null
                ? await rig.Call.CallAsync("DescribeApplicationVersions", ("ApplicationName", "web"), ("MaxRecords", "2"))
                : await rig.Call.CallAsync("DescribeApplicationVersions", ("ApplicationName", "web"), ("MaxRecords", "2"), ("NextToken", token));
            labels.AddRange(rig.Call.Members(page, "ApplicationVersions").Select(v => rig.Call.Text(v, "VersionLabel")!));
            token = rig.Call.Text(page, "NextToken");
        }
        while (token is not null);

        Assert.Equal(["1.0.5", "1.0.4", "1.0.3", "1.0.2", "1.0.1"], labels);
    }

    [Fact]
    public async Task Version_in_use_cannot_be_deleted_and_an_unused_one_can_with_its_bundle()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.VersionAsync("web", "1.0.1");

        var launching = await rig.Call.FailAsync("DeleteApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.0"));
        Assert.Equal("OperationInProgressFailure", launching.Code);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("DeleteApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.0"))).Code);

        await rig.Call.CallAsync("DeleteApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.1"), ("DeleteSourceBundle", "true"));
        Assert.Null(rig.World.S3.GetObject(EbRig.Bucket, "web/1.0.1.zip"));
        Assert.Equal("No Application Version named '1.0.1' found.", (await rig.Call.FailAsync("DeleteApplicationVersion", ("ApplicationName", "web"), ("VersionLabel", "1.0.1"))).Message);
    }

    [Fact]
    public async Task Lifecycle_policy_deletes_the_oldest_unused_versions()
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        var updated = await rig.Call.CallAsync(
            "UpdateApplicationResourceLifecycle",
            ("ApplicationName", "web"),
            ("ResourceLifecycleConfig.ServiceRole", "arn:aws:iam::123456789012:role/aws-elasticbeanstalk-service-role"),
            ("ResourceLifecycleConfig.VersionLifecycleConfig.MaxCountRule.Enabled", "true"),
            ("ResourceLifecycleConfig.VersionLifecycleConfig.MaxCountRule.MaxCount", "2"));
        Assert.Equal("2", rig.Call.Text(updated, "ResourceLifecycleConfig/VersionLifecycleConfig/MaxCountRule/MaxCount"));

        for (var i = 1; i <= 4; i++)
        {
            await rig.VersionAsync("web", $"v{i}");
            rig.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var versions = await rig.Call.CallAsync("DescribeApplicationVersions", ("ApplicationName", "web"));
        Assert.Equal(["v4", "v3"], rig.Call.Members(versions, "ApplicationVersions").Select(v => rig.Call.Text(v, "VersionLabel")));
    }

    [Fact]
    public async Task DeleteApplication_with_running_environments_needs_TerminateEnvByForce()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("DeleteApplication", ("ApplicationName", "web"))).Code);

        await rig.Call.CallAsync("DeleteApplication", ("ApplicationName", "web"), ("TerminateEnvByForce", "true"));

        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeApplications"), "Applications"));
        Assert.Equal("Terminating", (await rig.StatusAsync("web-blue")).Status);
        Assert.Equal("No Application named 'web' found.", (await rig.Call.FailAsync("DeleteApplication", ("ApplicationName", "web"))).Message);
    }

    [Fact]
    public async Task Configuration_templates_feed_environments_and_describe_their_settings()
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        var template = await rig.Call.CallAsync(
            "CreateConfigurationTemplate",
            ("ApplicationName", "web"),
            ("TemplateName", "base"),
            ("SolutionStackName", EbRig.Stack),
            ("OptionSettings.member.1.Namespace", "aws:autoscaling:asg"),
            ("OptionSettings.member.1.OptionName", "MinSize"),
            ("OptionSettings.member.1.Value", "1"));
        Assert.Equal("arn:aws:elasticbeanstalk:ap-northeast-2::platform/Corretto 17 running on 64bit Amazon Linux 2023/4.3.0", rig.Call.Text(template, "PlatformArn"));
        await rig.Call.CallAsync(
            "UpdateConfigurationTemplate",
            ("ApplicationName", "web"),
            ("TemplateName", "base"),
            ("OptionSettings.member.1.Namespace", "aws:autoscaling:asg"),
            ("OptionSettings.member.1.OptionName", "MinSize"),
            ("OptionSettings.member.1.Value", "3"));
        Assert.Equal("Configuration Template base already exists.", (await rig.Call.FailAsync("CreateConfigurationTemplate", ("ApplicationName", "web"), ("TemplateName", "base"), ("SolutionStackName", EbRig.Stack))).Message);

        var environment = await rig.Call.CallAsync("CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"), ("TemplateName", "base"));
        var id = rig.Call.Text(environment, "EnvironmentId")!;
        Assert.Equal(3, rig.State.InstanceIds(id).Count);

        var settings = await rig.Call.CallAsync("DescribeConfigurationSettings", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"));
        var options = rig.Call.Members(settings, "ConfigurationSettings/member/OptionSettings")
            .ToDictionary(o => $"{rig.Call.Text(o, "Namespace")}:{rig.Call.Text(o, "OptionName")}", o => rig.Call.Text(o, "Value"));
        Assert.Equal("3", options["aws:autoscaling:asg:MinSize"]);
        Assert.Equal("application", options["aws:elasticbeanstalk:environment:LoadBalancerType"]);
        Assert.Equal("deployed", rig.Call.Text(settings, "ConfigurationSettings/member/DeploymentStatus"));

        await rig.Call.CallAsync("DeleteConfigurationTemplate", ("ApplicationName", "web"), ("TemplateName", "base"));
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("DescribeConfigurationSettings", ("ApplicationName", "web"), ("TemplateName", "base"))).Code);
    }

    [Fact]
    public async Task Application_quota_is_75_by_default_and_can_be_raised()
    {
        await using var rig = new EbRig();
        for (var i = 0; i < 75; i++)
        {
            await rig.Call.CallAsync("CreateApplication", ("ApplicationName", $"app-{i}"));
        }

        var refused = await rig.Call.FailAsync("CreateApplication", ("ApplicationName", "app-75"));
        Assert.Equal(("TooManyApplicationsException", "You cannot have more than 75 applications."), (refused.Code, refused.Message));

        await using var raised = new EbRig(quotas: new SimQuotas { EbApplications = 76 });
        for (var i = 0; i < 76; i++)
        {
            await raised.Call.CallAsync("CreateApplication", ("ApplicationName", $"app-{i}"));
        }

        Assert.Equal("TooManyApplicationsException", (await raised.Call.FailAsync("CreateApplication", ("ApplicationName", "app-76"))).Code);
    }
}
