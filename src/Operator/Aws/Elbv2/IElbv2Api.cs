namespace Ebops.Operator.Aws.Elbv2;

/// <summary>
/// Elastic Load Balancing v2 (2015-12-01). The generated half declares one method per operation; this half adds the
/// look-ups the Resources layer uses (null when not found). CreateLoadBalancer, CreateTargetGroup and CreateListener
/// are idempotent on AWS for an identical request (same name and settings return the existing resource), so they are
/// safe to retry; a differing request fails with <c>DuplicateLoadBalancerName</c> / <c>DuplicateTargetGroupName</c> /
/// <c>DuplicateListener</c>.
/// </summary>
public partial interface IElbv2Api
{
    /// <summary>The load balancer with this name, or null when it does not exist.</summary>
    Task<LoadBalancer?> FindLoadBalancerAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The target group with this name, or null when it does not exist.</summary>
    Task<TargetGroup?> FindTargetGroupAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Tags of one resource (empty when it has none or does not exist).</summary>
    Task<IReadOnlyList<Tag>> GetTagsAsync(string resourceArn, CancellationToken cancellationToken = default);
}
