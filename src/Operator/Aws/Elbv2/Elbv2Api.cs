using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Elbv2;

/// <summary>The ELBv2 facade over the SDK pipeline; operation methods are generated.</summary>
internal sealed partial class Elbv2Api(QueryServiceClient client) : IElbv2Api
{
    internal QueryServiceClient Client { get; } = client;

    public async Task<LoadBalancer?> FindLoadBalancerAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeLoadBalancersAsync(new() { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return response.LoadBalancers?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<TargetGroup?> FindTargetGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeTargetGroupsAsync(new() { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return response.TargetGroups?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Tag>> GetTagsAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await DescribeTagsAsync(new() { ResourceArns = [resourceArn] }, cancellationToken).ConfigureAwait(false);
            return response.TagDescriptions?.FirstOrDefault(t => t.ResourceArn == resourceArn)?.Tags ?? [];
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return [];
        }
    }
}
