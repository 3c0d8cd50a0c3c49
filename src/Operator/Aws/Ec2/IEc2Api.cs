using Amazon.EC2.Model;

namespace Ebops.Operator.Aws.Ec2;

/// <summary>
/// The EC2 calls ebops makes, over AWSSDK.EC2 (with ebops' retry, rate limiting, metrics and error translation).
/// Failures throw <see cref="Core.AwsApiException"/>; reads return null or empty when the resource does not exist; deletes,
/// releases, authorizes and revokes are idempotent (an already-applied change is success). Creates have no client
/// token here (CreateSecurityGroup takes none; AllocateAddress would double-allocate): callers find by tag first.
/// </summary>
public interface IEc2Api
{
    /// <summary>Creates a security group in the VPC with the tags; returns its id.</summary>
    Task<string> CreateSecurityGroupAsync(string groupName, string description, string vpcId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>The group, or null when it does not exist.</summary>
    Task<SecurityGroup?> FindSecurityGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Every group matching the filters (e.g. <c>tag:ebops.io/owner</c>, <c>vpc-id</c>, <c>group-name</c>), all pages.</summary>
    Task<IReadOnlyList<SecurityGroup>> DescribeSecurityGroupsAsync(IReadOnlyList<Filter> filters, CancellationToken cancellationToken = default);

    /// <summary>Deletes the group; done when it does not exist. <c>DependencyViolation</c> (still attached) is a Conflict.</summary>
    Task DeleteSecurityGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Adds ingress rules; rules that already exist are not an error.</summary>
    Task AuthorizeIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken = default);

    /// <summary>Removes ingress rules; rules that do not exist are not an error.</summary>
    Task RevokeIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken = default);

    /// <summary>Allocates a VPC Elastic IP tagged at creation; returns (allocation id, public IP).</summary>
    Task<(string AllocationId, string PublicIp)> AllocateAddressAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    /// <summary>Addresses by allocation id and/or filters; an unknown allocation id yields an empty list.</summary>
    Task<IReadOnlyList<Address>> DescribeAddressesAsync(IReadOnlyList<string>? allocationIds, IReadOnlyList<Filter>? filters, CancellationToken cancellationToken = default);

    /// <summary>Releases the address; done when it does not exist.</summary>
    Task ReleaseAddressAsync(string allocationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Vpc>> DescribeVpcsAsync(IReadOnlyList<string>? vpcIds, IReadOnlyList<Filter>? filters, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Subnet>> DescribeSubnetsAsync(IReadOnlyList<string>? subnetIds, IReadOnlyList<Filter>? filters, CancellationToken cancellationToken = default);

    Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default);

    Task DeleteTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken = default);
}
