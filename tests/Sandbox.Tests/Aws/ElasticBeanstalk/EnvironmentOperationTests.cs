namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

public sealed class EnvironmentOperationTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("-web-blue")]
    [InlineData("web_blue")]
    [InlineData("a-very-long-environment-name-of-more-than-40")]
    public async Task Environment_names_follow_the_4_to_40_rule(string name)
    {
        await using var rig = new EbRig();
        await rig.Call.CallAsync("CreateApplication", ("ApplicationName", "web"));
        var error = await rig.Call.FailAsync("CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", name), ("SolutionStackName", EbRig.Stack));
        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public async Task CreateEnvironment_rejects_duplicates_unknown_stacks_versions_and_taken_cnames()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");

        Assert.Equal("Environment web-blue already exists.", (await rig.Call.FailAsync("CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-blue"), ("SolutionStackName", EbRig.Stack))).Message);
        Assert.Equal("No Solution Stack named 'Windows 95' found.", (await rig.Call.FailAsync("CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-x1"), ("SolutionStackName", "Windows 95"))).Message);
        Assert.Equal("No Application Version named '9.9.9' found.", (await rig.Call.FailAsync("CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-x2"), ("SolutionStackName", EbRig.Stack), ("VersionLabel", "9.9.9"))).Message);
        Assert.Equal(
            "DNS name (web-blue.ap-northeast-2.elasticbeanstalk.com) is not available.",
            (await rig.Call.FailAsync("CreateEnvironment", ("ApplicationName", "web"), ("EnvironmentName", "web-x3"), ("SolutionStackName", EbRig.Stack), ("CNAMEPrefix", "web-blue"))).Message);

        var check = await rig.Call.CallAsync("CheckDNSAvailability", ("CNAMEPrefix", "web-blue"));
        Assert.Equal(("false", "web-blue.ap-northeast-2.elasticbeanstalk.com"), (rig.Call.Text(check, "Available"), rig.Call.Text(check, "FullyQualifiedCNAME")));
        Assert.Equal("true", rig.Call.Text(await rig.Call.CallAsync("CheckDNSAvailability", ("CNAMEPrefix", "web-free")), "Available"));
    }

    [Fact]
    public async Task Environment_gets_a_tagged_awseb_alb_with_an_instance_target_group_and_http_listener()
    {
        await using var rig = new EbRig();
        var id = await rig.LaunchAsync("web", "web-blue", "1.0.0");
        var resources = await rig.Call.CallAsync("DescribeEnvironmentResources", ("EnvironmentName", "web-blue"));
        var alb = rig.Call.Text(resources, "EnvironmentResources/LoadBalancers/member/Name")!;
        Assert.Matches("^arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/awseb-AWSEB-[A-Z0-9]{13}/[0-9a-f]{16}$", alb);
        Assert.Single(rig.Call.Members(resources, "EnvironmentResources/AutoScalingGroups"));
        Assert.Single(rig.Call.Members(resources, "EnvironmentResources/LaunchTemplates"));

        var tags = await rig.Elb.CallAsync("DescribeTags", ("ResourceArns.member.1", alb));
        var tagMap = rig.Elb.Members(tags, "TagDescriptions/member/Tags").ToDictionary(t => rig.Elb.Text(t, "Key")!, t => rig.Elb.Text(t, "Value"));
        Assert.Equal(("web-blue", id), (tagMap["elasticbeanstalk:environment-name"], tagMap["elasticbeanstalk:environment-id"]));
        var listeners = await rig.Elb.CallAsync("DescribeListeners", ("LoadBalancerArn", alb));
        Assert.Equal(("HTTP", "80"), (rig.Elb.Text(listeners, "Listeners/member/Protocol"), rig.Elb.Text(listeners, "Listeners/member/Port")));
        var groups = await rig.Elb.CallAsync("DescribeTargetGroups", ("LoadBalancerArn", alb));
        Assert.Equal(("instance", "/health"), (rig.Elb.Text(groups, "TargetGroups/member/TargetType"), rig.Elb.Text(groups, "TargetGroups/member/HealthCheckPath")));
        var environment = await rig.EnvironmentAsync("web-blue");
        var described = await rig.Elb.CallAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", alb));
        Assert.Equal(rig.Elb.Text(described, "LoadBalancers/member/DNSName"), rig.Call.Text(environment, "EndpointURL"));
        Assert.Equal("arn:aws:elasticbeanstalk:ap-northeast-2:123456789012:environment/web/web-blue", rig.Call.Text(environment, "EnvironmentArn"));
    }

    [Fact]
    public async Task DescribeEnvironmentHealth_reports_request_metrics_from_the_alb()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        using var client = new HttpClient();
        var endpoint = rig.State.ResolveCname("web-blue.ap-northeast-2.elasticbeanstalk.com")!;
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal("1.0.0", await EbRig.GetVersionAsync(client, endpoint));
        }

        var health = await rig.Call.CallAsync("DescribeEnvironmentHealth", ("EnvironmentName", "web-blue"), ("AttributeNames.member.1", "All"));
        Assert.Equal(("Ok", "Green", "Ready", "2"), (rig.Call.Text(health, "HealthStatus"), rig.Call.Text(health, "Color"), rig.Call.Text(health, "Status"), rig.Call.Text(health, "InstancesHealth/Ok")));
        Assert.Equal(("7", "7"), (rig.Call.Text(health, "ApplicationMetrics/RequestCount"), rig.Call.Text(health, "ApplicationMetrics/StatusCodes/Status2xx")));

        // The metrics cover the last 10 seconds: once the window has moved past the requests, they no longer count.
        await rig.AdvanceAsync(TimeSpan.FromSeconds(25));
        var later = await rig.Call.CallAsync("DescribeEnvironmentHealth", ("EnvironmentName", "web-blue"), ("AttributeNames.member.1", "ApplicationMetrics"));
        Assert.Equal("0", rig.Call.Text(later, "ApplicationMetrics/RequestCount"));
        Assert.InRange(int.Parse(rig.Call.Text(later, "ApplicationMetrics/Duration")!, System.Globalization.CultureInfo.InvariantCulture), 10, 20);
        Assert.Equal("No Environment found for EnvironmentName = 'nope'.", (await rig.Call.FailAsync("DescribeEnvironmentHealth", ("EnvironmentName", "nope"), ("AttributeNames.member.1", "All"))).Message);
    }

    [Fact]
    public async Task DescribeEnvironments_without_MaxRecords_answers_every_environment_in_one_response()
    {
        await using var rig = new EbRig();
        rig.World.Paging.SetPageSize("elasticbeanstalk", 1);
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.LaunchAsync("web", "web-green", "1.0.0");

        var all = await rig.Call.CallAsync("DescribeEnvironments", ("ApplicationName", "web"));
        Assert.Equal(2, rig.Call.Members(all, "Environments").Count());
        Assert.Null(rig.Call.Text(all, "NextToken"));

        var paged = await rig.Call.CallAsync("DescribeEnvironments", ("ApplicationName", "web"), ("MaxRecords", "1"));
        Assert.Single(rig.Call.Members(paged, "Environments"));
        Assert.NotNull(rig.Call.Text(paged, "NextToken"));
    }

    [Fact]
    public async Task DescribeEvents_pages_newest_first_and_filters_by_severity_and_time()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        Assert.Equal("createEnvironment is starting.", rig.Call.Text(await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-blue"), ("MaxRecords", "1")), "Events/member/Message"));
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));

        var all = new List<(DateTimeOffset Date, string Message)>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = token is null
                ? await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-blue"), ("MaxRecords", "4"))
                : await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-blue"), ("MaxRecords", "4"), ("NextToken", token));
            all.AddRange(rig.Call.Members(page, "Events").Select(e => (DateTimeOffset.Parse(rig.Call.Text(e, "EventDate")!, System.Globalization.CultureInfo.InvariantCulture), rig.Call.Text(e, "Message")!)));
            token = rig.Call.Text(page, "NextToken");
            pages++;
        }
        while (token is not null);

        Assert.True(pages >= 3);
        Assert.Equal(all.OrderByDescending(e => e.Date).Select(e => e.Date), all.Select(e => e.Date));
        Assert.Equal("createEnvironment is starting.", all[^1].Message);
        Assert.Contains(all, e => e.Message == "Successfully launched environment: web-blue");
        Assert.Contains(all, e => e.Message == "Environment health has transitioned from Pending to Ok.");

        var later = await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-blue"), ("StartTime", "2026-03-01T09:03:00Z"));
        Assert.All(rig.Call.Members(later, "Events"), e => Assert.True(DateTimeOffset.Parse(rig.Call.Text(e, "EventDate")!, System.Globalization.CultureInfo.InvariantCulture) >= new DateTimeOffset(2026, 3, 1, 9, 3, 0, TimeSpan.Zero)));
        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeEvents", ("EnvironmentName", "web-blue"), ("Severity", "ERROR")), "Events"));
    }

    [Fact]
    public async Task ListPlatformVersions_filters_the_catalogue()
    {
        await using var rig = new EbRig();
        var branch = await rig.Call.CallAsync(
            "ListPlatformVersions",
            ("Filters.member.1.Type", "PlatformBranchName"),
            ("Filters.member.1.Operator", "="),
            ("Filters.member.1.Values.member.1", "Corretto 17 running on 64bit Amazon Linux 2023"));
        Assert.Equal(2, rig.Call.Members(branch, "PlatformSummaryList").Count);

        var latest = await rig.Call.CallAsync(
            "ListPlatformVersions",
            ("Filters.member.1.Type", "PlatformBranchName"),
            ("Filters.member.1.Operator", "="),
            ("Filters.member.1.Values.member.1", "Corretto 17 running on 64bit Amazon Linux 2023"),
            ("Filters.member.2.Type", "PlatformVersion"),
            ("Filters.member.2.Operator", ">="),
            ("Filters.member.2.Values.member.1", "4.3.0"));
        Assert.Equal(
            ["arn:aws:elasticbeanstalk:ap-northeast-2::platform/Corretto 17 running on 64bit Amazon Linux 2023/4.3.0"],
            rig.Call.Members(latest, "PlatformSummaryList").Select(p => rig.Call.Text(p, "PlatformArn")));
    }

    [Fact]
    public async Task ListAvailableSolutionStacks_lists_the_platform_catalogue()
    {
        await using var rig = new EbRig();
        var stacks = await rig.Call.CallAsync("ListAvailableSolutionStacks");
        Assert.Contains(EbRig.Stack, rig.Call.Members(stacks, "SolutionStacks").Select(s => s.Value));
        Assert.Equal(
            rig.Call.Members(stacks, "SolutionStacks").Select(s => s.Value),
            rig.Call.Members(stacks, "SolutionStackDetails").Select(d => rig.Call.Text(d, "SolutionStackName")));
    }

    [Fact]
    public async Task Tags_of_an_environment_are_listed_and_updated_but_reserved_keys_are_not()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        var arn = rig.Call.Text(await rig.EnvironmentAsync("web-blue"), "EnvironmentArn")!;

        await rig.Call.CallAsync("UpdateTagsForResource", ("ResourceArn", arn), ("TagsToAdd.member.1.Key", "team"), ("TagsToAdd.member.1.Value", "b"), ("TagsToRemove.member.1", "ebops.io/owner"));
        var tags = await rig.Call.CallAsync("ListTagsForResource", ("ResourceArn", arn));
        var map = rig.Call.Members(tags, "ResourceTags").ToDictionary(t => rig.Call.Text(t, "Key")!, t => rig.Call.Text(t, "Value"));
        Assert.Equal("b", map["team"]);
        Assert.Equal("web-blue", map["elasticbeanstalk:environment-name"]);
        Assert.False(map.ContainsKey("ebops.io/owner"));
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("UpdateTagsForResource", ("ResourceArn", arn), ("TagsToRemove.member.1", "elasticbeanstalk:environment-name"))).Code);
        Assert.Equal("ResourceNotFoundException", (await rig.Call.FailAsync("ListTagsForResource", ("ResourceArn", arn + "x"))).Code);
    }

    [Fact]
    public async Task Describe_of_a_fresh_environment_is_not_found_inside_the_consistency_window()
    {
        await using var rig = new EbRig();
        rig.World.Faults.SetConsistencyWindow("elasticbeanstalk", TimeSpan.FromSeconds(3));
        var id = await rig.LaunchAsync("web", "web-blue", "1.0.0");

        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments", ("EnvironmentIds.member.1", id)), "Environments"));
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Single(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments", ("EnvironmentIds.member.1", id)), "Environments"));
    }
}
