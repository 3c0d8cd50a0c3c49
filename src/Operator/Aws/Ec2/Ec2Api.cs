using Amazon.EC2;
using Amazon.EC2.Model;
using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Ec2;

/// <summary>The EC2 facade over the instrumented AWSSDK client.</summary>
internal sealed class Ec2Api(IAmazonEC2 ec2) : IEc2Api
{
    public async Task<string> CreateSecurityGroupAsync(string groupName, string description, string vpcId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        var response = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = groupName,
            Description = description,
            VpcId = vpcId,
            TagSpecifications = Tagged(ResourceType.SecurityGroup, tags),
        }, cancellationToken).ConfigureAwait(false);
        return response.GroupId;
    }

    public async Task<SecurityGroup?> FindSecurityGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, cancellationToken).ConfigureAwait(false);
            return response.SecurityGroups?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SecurityGroup>> DescribeSecurityGroupsAsync(IReadOnlyList<Filter> filters, CancellationToken cancellationToken = default)
    {
        var all = new List<SecurityGroup>();
        string? token = null;
        do
        {
            var response = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [.. filters], NextToken = token }, cancellationToken).ConfigureAwait(false);
            all.AddRange(response.SecurityGroups ?? []);
            token = response.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    public async Task DeleteSecurityGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        try
        {
            await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already gone: deletes are idempotent.
        }
    }

    public async Task AuthorizeIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken = default)
    {
        try
        {
            await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [.. permissions] }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Code == Ec2Errors.InvalidPermissionDuplicate)
        {
            // The rule is already there.
        }
    }

    public async Task RevokeIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken = default)
    {
        try
        {
            await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [.. permissions] }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Code == Ec2Errors.InvalidPermissionNotFound)
        {
            // The rule is already gone.
        }
    }

    public async Task<(string AllocationId, string PublicIp)> AllocateAddressAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        var response = await ec2.AllocateAddressAsync(new AllocateAddressRequest
        {
            Domain = DomainType.Vpc,
            TagSpecifications = Tagged(ResourceType.ElasticIp, tags),
        }, cancellationToken).ConfigureAwait(false);
        return (response.AllocationId, response.PublicIp);
    }

    public async Task<IReadOnlyList<Address>> DescribeAddressesAsync(IReadOnlyList<string>? allocationIds, IReadOnlyList<Filter>? filters, CancellationToken cancellationToken = default)
    {
        try
        {
            var request = new DescribeAddressesRequest();
            if (allocationIds is { Count: > 0 })
            {
                request.AllocationIds = [.. allocationIds];
            }

            if (filters is { Count: > 0 })
            {
                request.Filters = [.. filters];
            }

            var response = await ec2.DescribeAddressesAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Addresses ?? [];
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return [];
        }
    }

    public async Task ReleaseAddressAsync(string allocationId, CancellationToken cancellationToken = default)
    {
        try
        {
            await ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocationId }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already released.
        }
    }

    public async Task<IReadOnlyList<Vpc>> DescribeVpcsAsync(IReadOnlyList<string>? vpcIds, IReadOnlyList<Filter>? filters, CancellationToken cancellationToken = default)
    {
        var all = new List<Vpc>();
        string? token = null;
        do
        {
            var request = new DescribeVpcsRequest { NextToken = token };
            if (vpcIds is { Count: > 0 })
            {
                request.VpcIds = [.. vpcIds];
            }

            if (filters is { Count: > 0 })
            {
                request.Filters = [.. filters];
            }

            var response = await ec2.DescribeVpcsAsync(request, cancellationToken).ConfigureAwait(false);
            all.AddRange(response.Vpcs ?? []);
            token = response.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    public async Task<IReadOnlyList<Subnet>> DescribeSubnetsAsync(IReadOnlyList<string>? subnetIds, IReadOnlyList<Filter>? filters, CancellationToken cancellationToken = default)
    {
        var all = new List<Subnet>();
        string? token = null;
        do
        {
            var request = new DescribeSubnetsRequest { NextToken = token };
            if (subnetIds is { Count: > 0 })
            {
                request.SubnetIds = [.. subnetIds];
            }

            if (filters is { Count: > 0 })
            {
                request.Filters = [.. filters];
            }

            var response = await ec2.DescribeSubnetsAsync(request, cancellationToken).ConfigureAwait(false);
            all.AddRange(response.Subnets ?? []);
            token = response.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    public async Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [.. resourceIds], Tags = ToTags(tags) }, cancellationToken).ConfigureAwait(false);

    public async Task DeleteTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken = default) =>
        await ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [.. resourceIds], Tags = [.. tagKeys.Select(k => new Tag { Key = k })] }, cancellationToken).ConfigureAwait(false);

    private static List<TagSpecification>? Tagged(ResourceType type, IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? null : [new TagSpecification { ResourceType = type, Tags = ToTags(tags) }];

    private static List<Tag> ToTags(IReadOnlyDictionary<string, string> tags) => [.. tags.Select(t => new Tag(t.Key, t.Value))];
}
