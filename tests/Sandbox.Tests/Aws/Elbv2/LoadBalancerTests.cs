using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Elbv2;

public sealed class LoadBalancerTests
{
    [Fact]
    public async Task CreateLoadBalancer_network_with_elastic_ips_associates_them_and_reports_addresses()
    {
        await using var rig = new Elbv2Rig();
        var eipA = rig.Network.AllocateElasticIp();
        var eipC = rig.Network.AllocateElasticIp();

        var arn = await rig.CreateNlbAsync("web-nlb", eipA, eipC);

        Assert.Matches(@"^arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/net/web-nlb/[0-9a-f]{16}$", arn);
        Assert.NotNull(rig.Network.ElasticIps[eipA].Eni);
        Assert.NotNull(rig.Network.ElasticIps[eipC].Eni);
        var described = await rig.Call.CallAsync("DescribeLoadBalancers", ("Names.member.1", "web-nlb"));
        var lb = Assert.Single(rig.Call.Members(described, "LoadBalancers"));
        Assert.Matches(@"^web-nlb-[0-9a-f]{16}\.elb\.ap-northeast-2\.amazonaws\.com$", rig.Call.Text(lb, "DNSName"));
        Assert.Equal("network", rig.Call.Text(lb, "Type"));
        Assert.Equal(SandboxNetwork.VpcId, rig.Call.Text(lb, "VpcId"));
        var zones = rig.Call.Members(lb, "AvailabilityZones");
        Assert.Equal([eipA, eipC], zones.Select(z => rig.Call.Text(z, "LoadBalancerAddresses/member/AllocationId")));
        Assert.Equal([rig.Network.ElasticIps[eipA].Ip, rig.Network.ElasticIps[eipC].Ip], zones.Select(z => rig.Call.Text(z, "LoadBalancerAddresses/member/IpAddress")));
    }

    [Fact]
    public async Task DeleteLoadBalancer_releases_elastic_ips_and_is_idempotent()
    {
        await using var rig = new Elbv2Rig();
        var eip = rig.Network.AllocateElasticIp();
        var arn = await rig.CreateNlbAsync("web-nlb", eip);

        await rig.Call.CallAsync("DeleteLoadBalancer", ("LoadBalancerArn", arn));
        await rig.Call.CallAsync("DeleteLoadBalancer", ("LoadBalancerArn", arn));

        Assert.Null(rig.Network.ElasticIps[eip].Eni);
        var error = await rig.Call.FailAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", arn));
        Assert.Equal("LoadBalancerNotFound", error.Code);
    }

    [Theory]
    [InlineData(0, "provisioning")]
    [InlineData(179, "provisioning")]
    [InlineData(180, "active")]
    [InlineData(600, "active")]
    public async Task Load_balancer_is_provisioning_for_three_minutes_then_active(int seconds, string expected)
    {
        await using var rig = new Elbv2Rig();
        var arn = await rig.CreateAlbAsync("web-alb");
        rig.Time.Advance(TimeSpan.FromSeconds(seconds));

        var described = await rig.Call.CallAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", arn));
        Assert.Equal(expected, rig.Call.Text(described, "LoadBalancers/member/State/Code"));
    }

    [Fact]
    public async Task Time_scale_shortens_provisioning()
    {
        await using var rig = new Elbv2Rig(scale: 0.01);
        var arn = await rig.CreateAlbAsync("web-alb");
        rig.Time.Advance(TimeSpan.FromSeconds(1.8));

        var described = await rig.Call.CallAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", arn));
        Assert.Equal("active", rig.Call.Text(described, "LoadBalancers/member/State/Code"));
    }

    [Fact]
    public async Task Application_load_balancer_dns_name_has_the_alb_form()
    {
        await using var rig = new Elbv2Rig();
        await rig.CreateAlbAsync("web-alb");
        var described = await rig.Call.CallAsync("DescribeLoadBalancers", ("Names.member.1", "web-alb"));
        Assert.Matches(@"^web-alb-\d{10}\.ap-northeast-2\.elb\.amazonaws\.com$", rig.Call.Text(described, "LoadBalancers/member/DNSName"));
        Assert.Equal("ZWKZPGTI48KDX", rig.Call.Text(described, "LoadBalancers/member/CanonicalHostedZoneId"));
    }

    [Fact]
    public async Task Same_name_with_same_settings_is_idempotent_and_with_other_settings_is_a_duplicate()
    {
        await using var rig = new Elbv2Rig();
        var first = await rig.CreateAlbAsync("web");
        Assert.Equal(first, await rig.CreateAlbAsync("web"));

        var error = await rig.Call.FailAsync("CreateLoadBalancer", ("Name", "web"), ("Type", "network"), ("Subnets.member.1", SandboxNetwork.SubnetA));
        Assert.Equal(("DuplicateLoadBalancerName", 400), (error.Code, error.StatusCode));
    }

    /// <summary>
    /// API reference, CreateLoadBalancer: "This operation is idempotent ... If you attempt to create multiple load
    /// balancers with the same settings, each call succeeds". Every setting of the call counts: subnets and their
    /// Elastic IPs, scheme, type, security groups, IP address type.
    /// </summary>
    [Fact]
    public async Task CreateLoadBalancer_is_idempotent_only_for_every_setting_the_same()
    {
        await using var rig = new Elbv2Rig();
        (string, string)[] alb = [("Name", "web"), ("Type", "application"), ("Subnets.member.1", SandboxNetwork.SubnetA), ("Subnets.member.2", SandboxNetwork.SubnetC), ("SecurityGroups.member.1", "sg-0default000000000")];
        var first = rig.Call.Text(await rig.Call.CallAsync("CreateLoadBalancer", alb), "LoadBalancers/member/LoadBalancerArn");
        Assert.Equal(first, rig.Call.Text(await rig.Call.CallAsync("CreateLoadBalancer", alb), "LoadBalancers/member/LoadBalancerArn"));

        Assert.Equal("DuplicateLoadBalancerName", (await rig.Call.FailAsync("CreateLoadBalancer", [.. alb.SkipLast(1)])).Code);
        Assert.Equal("DuplicateLoadBalancerName", (await rig.Call.FailAsync("CreateLoadBalancer", [.. alb, ("Scheme", "internal")])).Code);
        Assert.Equal("DuplicateLoadBalancerName", (await rig.Call.FailAsync("CreateLoadBalancer", [.. alb, ("IpAddressType", "dualstack")])).Code);
        var described = await rig.Call.CallAsync("DescribeLoadBalancers", ("Names.member.1", "web"));
        Assert.Equal([first], rig.Call.Members(described, "LoadBalancers").Select(m => rig.Call.Text(m, "LoadBalancerArn")));

        var eip = rig.Network.AllocateElasticIp();
        var nlb = await rig.CreateNlbAsync("front", eip);
        Assert.Equal(nlb, await rig.CreateNlbAsync("front", eip));
        Assert.Equal("DuplicateLoadBalancerName", (await rig.Call.FailAsync("CreateLoadBalancer", ("Name", "front"), ("Type", "network"),
            ("SubnetMappings.member.1.SubnetId", SandboxNetwork.SubnetA), ("SubnetMappings.member.2.SubnetId", SandboxNetwork.SubnetC))).Code);
    }

    [Theory]
    [InlineData("ValidationError", "Name", "-bad-", "Type", "network")]
    [InlineData("ValidationError", "Name", "this-name-is-much-longer-than-32-chars", "Type", "network")]
    [InlineData("ValidationError", "Name", "one-subnet-alb", "Type", "application")]
    [InlineData("SubnetNotFound", "Name", "nlb", "Subnets.member.1", "subnet-00000000000000000")]
    [InlineData("InvalidConfigurationRequest", "Name", "alb-eip", "SubnetMappings.member.1.AllocationId", "eipalloc-00000000000000000")]
    [InlineData("InvalidSecurityGroup", "Name", "nlb", "SecurityGroups.member.1", "sg-0000000000000dead")]
    public async Task CreateLoadBalancer_rejects_invalid_input_with_aws_codes(string code, string k1, string v1, string k2, string v2)
    {
        await using var rig = new Elbv2Rig();
        var parameters = new List<(string, string)> { (k1, v1), (k2, v2) };
        if (k2 != "Type")
        {
            parameters.Add(("Type", k2.StartsWith("SubnetMappings", StringComparison.Ordinal) ? "application" : "network"));
        }

        if (k2.StartsWith("SubnetMappings", StringComparison.Ordinal))
        {
            parameters.Add(("SubnetMappings.member.1.SubnetId", SandboxNetwork.SubnetA));
            parameters.Add(("SubnetMappings.member.2.SubnetId", SandboxNetwork.SubnetC));
        }
        else if (k2 != "Subnets.member.1")
        {
            parameters.Add(("Subnets.member.1", SandboxNetwork.SubnetA));
        }

        var error = await rig.Call.FailAsync("CreateLoadBalancer", [.. parameters]);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task Elastic_ip_already_in_use_is_rejected_and_nothing_is_created()
    {
        await using var rig = new Elbv2Rig();
        var eip = rig.Network.AllocateElasticIp();
        await rig.CreateNlbAsync("first", eip);

        var error = await rig.Call.FailAsync(
            "CreateLoadBalancer",
            ("Name", "second"),
            ("Type", "network"),
            ("SubnetMappings.member.1.SubnetId", SandboxNetwork.SubnetA),
            ("SubnetMappings.member.1.AllocationId", eip));
        Assert.Equal("InvalidConfigurationRequest", error.Code);
        Assert.Equal("LoadBalancerNotFound", (await rig.Call.FailAsync("DescribeLoadBalancers", ("Names.member.1", "second"))).Code);
        Assert.Equal("AllocationIdNotFound", (await rig.Call.FailAsync(
            "CreateLoadBalancer",
            ("Name", "third"),
            ("Type", "network"),
            ("SubnetMappings.member.1.SubnetId", SandboxNetwork.SubnetA),
            ("SubnetMappings.member.1.AllocationId", "eipalloc-0123456789abcdef0"))).Code);
    }

    [Fact]
    public async Task DescribeLoadBalancers_pages_with_marker()
    {
        await using var rig = new Elbv2Rig();
        for (var i = 0; i < 5; i++)
        {
            await rig.CreateAlbAsync($"alb-{i}");
        }

        var names = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var result = marker is null
                ? await rig.Call.CallAsync("DescribeLoadBalancers", ("PageSize", "2"))
                : await rig.Call.CallAsync("DescribeLoadBalancers", ("PageSize", "2"), ("Marker", marker));
            names.AddRange(rig.Call.Members(result, "LoadBalancers").Select(m => rig.Call.Text(m, "LoadBalancerName")!));
            marker = rig.Call.Text(result, "NextMarker");
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["alb-0", "alb-1", "alb-2", "alb-3", "alb-4"], names);
        Assert.Equal("ValidationError", (await rig.Call.FailAsync("DescribeLoadBalancers", ("Marker", "bm90LWEtbWFya2Vy"))).Code);
    }

    [Fact]
    public async Task Attributes_are_described_modified_and_deletion_protection_blocks_delete()
    {
        await using var rig = new Elbv2Rig();
        var arn = await rig.CreateNlbAsync("nlb");
        var modified = await rig.Call.CallAsync(
            "ModifyLoadBalancerAttributes",
            ("LoadBalancerArn", arn),
            ("Attributes.member.1.Key", "deletion_protection.enabled"),
            ("Attributes.member.1.Value", "true"));
        Assert.Contains(rig.Call.Members(modified, "Attributes"), a => rig.Call.Text(a, "Key") == "deletion_protection.enabled" && rig.Call.Text(a, "Value") == "true");

        var described = await rig.Call.CallAsync("DescribeLoadBalancerAttributes", ("LoadBalancerArn", arn));
        Assert.Contains(rig.Call.Members(described, "Attributes"), a => rig.Call.Text(a, "Key") == "load_balancing.cross_zone.enabled");
        Assert.Equal("OperationNotPermitted", (await rig.Call.FailAsync("DeleteLoadBalancer", ("LoadBalancerArn", arn))).Code);
        Assert.Equal("ValidationError", (await rig.Call.FailAsync(
            "ModifyLoadBalancerAttributes",
            ("LoadBalancerArn", arn),
            ("Attributes.member.1.Key", "no.such.attribute"),
            ("Attributes.member.1.Value", "1"))).Code);
    }

    [Fact]
    public async Task Tags_are_added_described_and_removed()
    {
        await using var rig = new Elbv2Rig();
        var arn = await rig.CreateAlbAsync("alb");
        await rig.Call.CallAsync("AddTags", ("ResourceArns.member.1", arn), ("Tags.member.1.Key", "ebops.io/owner"), ("Tags.member.1.Value", "default/web"), ("Tags.member.2.Key", "team"), ("Tags.member.2.Value", "a"));
        await rig.Call.CallAsync("AddTags", ("ResourceArns.member.1", arn), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "b"));
        await rig.Call.CallAsync("RemoveTags", ("ResourceArns.member.1", arn), ("TagKeys.member.1", "ebops.io/owner"));

        var described = await rig.Call.CallAsync("DescribeTags", ("ResourceArns.member.1", arn));
        var tags = rig.Call.Members(described, "TagDescriptions/member/Tags").Select(t => (rig.Call.Text(t, "Key"), rig.Call.Text(t, "Value")));
        Assert.Equal([("team", "b")], tags);
        Assert.Equal("LoadBalancerNotFound", (await rig.Call.FailAsync("DescribeTags", ("ResourceArns.member.1", arn.Replace("/alb/", "/zzz/", StringComparison.Ordinal)))).Code);
        Assert.Equal("DuplicateTagKeys", (await rig.Call.FailAsync("AddTags", ("ResourceArns.member.1", arn), ("Tags.member.1.Key", "k"), ("Tags.member.2.Key", "k"))).Code);
    }

    [Fact]
    public async Task Unknown_action_is_InvalidAction()
    {
        await using var rig = new Elbv2Rig();
        var request = new SimRequest("elasticloadbalancing", "DescribeNothing", new Dictionary<string, string>(), "r", SandboxNetwork.Region, SandboxNetwork.AccessKeyId);
        var error = await Assert.ThrowsAsync<AwsSimException>(async () => await rig.Handler.HandleAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal("InvalidAction", error.Code);
    }
}
