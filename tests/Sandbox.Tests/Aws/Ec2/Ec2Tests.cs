using Amazon.EC2;
using Amazon.EC2.Model;
using Ebops.Sandbox.Aws.Core;
using Filter = Amazon.EC2.Model.Filter;

namespace Ebops.Sandbox.Tests.Aws.Ec2;

/// <summary>EC2 through the real AWSSDK.EC2 client: its marshaller writes the requests and parses our XML.</summary>
public sealed class Ec2Tests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Default_vpc_and_subnets_are_seeded_and_filterable()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var ec2 = host.Ec2Client();
        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] }, Ct);
        var vpc = Assert.Single(vpcs.Vpcs);
        Assert.Equal((SandboxNetwork.VpcId, SandboxNetwork.VpcCidr, true), (vpc.VpcId, vpc.CidrBlock, vpc.IsDefault == true));

        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [SandboxNetwork.VpcId])] }, Ct);
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], subnets.Subnets.Select(s => s.SubnetId).Order());
        Assert.Equal(SandboxNetwork.SubnetAZone, subnets.Subnets.Single(s => s.SubnetId == SandboxNetwork.SubnetA).AvailabilityZone);

        await ec2.CreateTagsAsync(new CreateTagsRequest([SandboxNetwork.SubnetC], [new Tag("tier", "public")]), Ct);
        var tagged = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:tier", ["public"])] }, Ct);
        Assert.Equal(SandboxNetwork.SubnetC, Assert.Single(tagged.Subnets).SubnetId);

        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = ["subnet-0123456789abcdef0"] }, Ct));
        Assert.Equal("InvalidSubnetID.NotFound", missing.ErrorCode);
    }

    [Fact]
    public async Task Security_group_create_describe_by_filters_and_duplicate()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var ec2 = host.Ec2Client();
        var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("orders-db", "orders database")
        {
            VpcId = SandboxNetwork.VpcId,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag("ebops.io/name", "orders")] }],
        }, Ct);
        Assert.Matches("^sg-[0-9a-f]{17}$", created.GroupId);

        var byFilters = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["orders-db"]), new Filter("vpc-id", [SandboxNetwork.VpcId]), new Filter("tag:ebops.io/name", ["orders"])],
        }, Ct);
        var group = Assert.Single(byFilters.SecurityGroups);
        Assert.Equal((created.GroupId, "orders database", SandboxNetwork.VpcId), (group.GroupId, group.Description, group.VpcId));
        Assert.Equal("orders", Assert.Single(group.Tags).Value);
        var egress = Assert.Single(group.IpPermissionsEgress);
        Assert.Equal(("-1", "0.0.0.0/0"), (egress.IpProtocol, Assert.Single(egress.Ipv4Ranges).CidrIp));

        var byName = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupNames = ["orders-db"] }, Ct);
        Assert.Equal(created.GroupId, Assert.Single(byName.SecurityGroups).GroupId);

        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("orders-db", "again") { VpcId = SandboxNetwork.VpcId }, Ct));
        Assert.Equal("InvalidGroup.Duplicate", duplicate.ErrorCode);

        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-0123456789abcdef0"] }, Ct));
        Assert.Equal("InvalidGroup.NotFound", missing.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Ingress_rules_authorize_duplicate_revoke_and_not_found()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var ec2 = host.Ec2Client();
        var db = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("db", "db") { VpcId = SandboxNetwork.VpcId }, Ct)).GroupId;
        var app = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("app", "app") { VpcId = SandboxNetwork.VpcId }, Ct)).GroupId;
        var permission = new IpPermission
        {
            IpProtocol = "tcp", FromPort = 3306, ToPort = 3306,
            Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16", Description = "office" }],
            UserIdGroupPairs = [new UserIdGroupPair { GroupId = app }],
        };
        var authorized = await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = db, IpPermissions = [permission] }, Ct);
        Assert.True(authorized.Return);
        Assert.Equal(2, authorized.SecurityGroupRules.Count);

        var described = Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [db] }, Ct)).SecurityGroups);
        var rule = Assert.Single(described.IpPermissions);
        Assert.Equal(("tcp", 3306, 3306), (rule.IpProtocol, rule.FromPort, rule.ToPort));
        Assert.Equal("10.0.0.0/16", Assert.Single(rule.Ipv4Ranges).CidrIp);
        Assert.Equal(app, Assert.Single(rule.UserIdGroupPairs).GroupId);

        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest { GroupId = db, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 3306, ToPort = 3306, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }] }, Ct));
        Assert.Equal("InvalidPermission.Duplicate", duplicate.ErrorCode);

        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = app }, Ct));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);

        await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = db, IpPermissions = [permission] }, Ct);
        // AWSSDK v4 leaves empty lists null.
        Assert.True((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [db] }, Ct)).SecurityGroups[0].IpPermissions is null or { Count: 0 });
        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = db, IpPermissions = [permission] }, Ct));
        Assert.Equal("InvalidPermission.NotFound", notFound.ErrorCode);

        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = app }, Ct);
        Assert.False(host.World.Network.SecurityGroupExists(app));
    }

    [Fact]
    public async Task Security_group_used_by_another_service_cannot_be_deleted()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var ec2 = host.Ec2Client();
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("lb", "lb") { VpcId = SandboxNetwork.VpcId }, Ct)).GroupId;
        var inUse = true;
        host.World.AddSecurityGroupUsage(() => inUse ? [new SecurityGroupUse(group, "eni-0123")] : []);
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }, Ct));
        Assert.Equal("DependencyViolation", error.ErrorCode);
        inUse = false;
        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }, Ct);
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }, Ct));
        Assert.Equal("InvalidGroup.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task Elastic_ip_allocate_describe_release_while_associated()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var ec2 = host.Ec2Client();
        var allocated = await ec2.AllocateAddressAsync(new AllocateAddressRequest
        {
            Domain = DomainType.Vpc,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.ElasticIp, Tags = [new Tag("ebops.io/owner", "shop")] }],
        }, Ct);
        Assert.Matches("^eipalloc-[0-9a-f]{17}$", allocated.AllocationId);
        Assert.StartsWith("203.0.113.", allocated.PublicIp);

        var byTag = await ec2.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter("tag:ebops.io/owner", ["shop"])] }, Ct);
        Assert.Equal(allocated.AllocationId, Assert.Single(byTag.Addresses).AllocationId);

        host.World.Network.AssociateElasticIp(allocated.AllocationId, "eni-0aaaabbbbccccdddd");
        var associated = Assert.Single((await ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocated.AllocationId] }, Ct)).Addresses);
        Assert.Equal("eni-0aaaabbbbccccdddd", associated.NetworkInterfaceId);
        Assert.NotNull(associated.AssociationId);

        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocated.AllocationId }, Ct));
        Assert.Equal("InvalidIPAddress.InUse", inUse.ErrorCode);

        host.World.Network.DisassociateElasticIp(allocated.AllocationId);
        await ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocated.AllocationId }, Ct);
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocated.AllocationId] }, Ct));
        Assert.Equal("InvalidAllocationID.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task Tags_create_describe_delete()
    {
        await using var host = await SimHost.StartAsync(sdkClients: true);
        using var ec2 = host.Ec2Client();
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("web", "web"), Ct)).GroupId;
        await ec2.CreateTagsAsync(new CreateTagsRequest([group], [new Tag("a", "1"), new Tag("b", "2")]), Ct);
        var tags = await ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [group])] }, Ct);
        Assert.Equal(["a=1", "b=2"], tags.Tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.All(tags.Tags, t => Assert.Equal(ResourceType.SecurityGroup, t.ResourceType));

        await ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [group], Tags = [new Tag { Key = "a" }] }, Ct);
        tags = await ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [group])] }, Ct);
        Assert.Equal(["b=2"], tags.Tags.Select(t => $"{t.Key}={t.Value}"));

        var badId = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateTagsAsync(new CreateTagsRequest(["sg-0123456789abcdef0"], [new Tag("a", "1")]), Ct));
        Assert.Equal("InvalidGroup.NotFound", badId.ErrorCode);
    }

    [Fact]
    public async Task Describe_security_groups_paginates_with_a_small_page_size()
    {
        await using var host = await SimHost.StartAsync(o => o.PageSizes["ec2"] = 2, sdkClients: true);
        using var ec2 = host.Ec2Client();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest(name, name), Ct);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = 5, NextToken = token }, Ct);
            seen.AddRange(page.SecurityGroups.Select(g => g.GroupName));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["a", "b", "c", "d", "default"], seen.Order());
        var unpaged = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(), Ct);
        Assert.Equal(5, unpaged.SecurityGroups.Count);
        Assert.Null(unpaged.NextToken);
    }
}
