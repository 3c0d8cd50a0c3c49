using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Elbv2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>ELBv2 tags: conversions, the batched read, and the tag keys the ELBv2 managers add to the ownership tags.</summary>
internal static class Elbv2Tags
{
    /// <summary>
    /// On a listener: the forward ebops last set (by creating the listener or by <see cref="ListenerManager"/>'s
    /// Forward), as <c>targetGroupName=weight</c> pairs separated by spaces. A listener whose forward differs from it
    /// was edited by hand.
    /// </summary>
    public const string Forward = "ebops.io/forward";

    public static IReadOnlyDictionary<string, string> ToDictionary(IReadOnlyList<Tag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            if (tag.Key is { } key)
            {
                result[key] = tag.Value ?? "";
            }
        }

        return result;
    }

    public static IReadOnlyList<Tag> ToTags(IReadOnlyDictionary<string, string> tags) =>
        [.. tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag { Key = t.Key, Value = t.Value })];

    /// <summary>The tags of <paramref name="desired"/> whose value differs in (or is missing from) <paramref name="observed"/>.</summary>
    public static IReadOnlyDictionary<string, string> Missing(IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string> observed) =>
        desired.Where(t => !observed.TryGetValue(t.Key, out var value) || !string.Equals(value, t.Value, StringComparison.Ordinal))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    /// <summary>The ownership conflict of an object with the name ebops would use: unmanaged, or another owner's.</summary>
    public static UnmanagedResourceException Conflict(string resourceType, string identifier, IReadOnlyDictionary<string, string> tags) =>
        ResourceOwner.IsManaged(tags)
            ? UnmanagedResourceException.OwnedByOther(resourceType, identifier, tags)
            : UnmanagedResourceException.NotManaged(resourceType, identifier);

    /// <summary>True when <paramref name="tags"/> carry the cluster tag <paramref name="cluster"/>.</summary>
    public static bool InCluster(IReadOnlyDictionary<string, string> tags, string cluster) =>
        tags.TryGetValue(OwnershipTags.Cluster, out var value) && string.Equals(value, cluster, StringComparison.Ordinal);

    /// <summary><paramref name="tags"/> with <paramref name="added"/> set over them.</summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> added)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags.Concat(added))
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>
    /// Adds <paramref name="missing"/> to the resource <paramref name="arn"/> (one AddTags, logged) and returns
    /// <paramref name="tags"/> with them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> AddAsync(IElbv2Api elbv2, ILogger logger, string arn,
        IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> missing, CancellationToken cancellationToken)
    {
        await elbv2.AddTagsAsync(new() { ResourceArns = [arn], Tags = ToTags(missing) }, cancellationToken).ConfigureAwait(false);
        Log.Tagged(logger, arn, string.Join(",", missing.Keys));
        return Merge(tags, missing);
    }

    /// <summary>
    /// Tags of every resource in <paramref name="arns"/> (one DescribeTags per <see cref="Elbv2Statuses.DescribeTagsMaxArns"/>
    /// ARNs). A resource deleted meanwhile is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(
        IElbv2Api elbv2, IReadOnlyList<string> arns, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in arns.Distinct(StringComparer.Ordinal).Chunk(Elbv2Statuses.DescribeTagsMaxArns))
        {
            try
            {
                var response = await elbv2.DescribeTagsAsync(new() { ResourceArns = chunk }, cancellationToken).ConfigureAwait(false);
                foreach (var description in response.TagDescriptions ?? [])
                {
                    if (description.ResourceArn is { } arn)
                    {
                        result[arn] = ToDictionary(description.Tags);
                    }
                }
            }
            catch (AwsApiException e) when (e.IsNotFound)
            {
                // One of them is gone: ask one by one so the others still get their tags.
                foreach (var arn in chunk)
                {
                    var tags = await elbv2.GetTagsAsync(arn, cancellationToken).ConfigureAwait(false);
                    result[arn] = ToDictionary(tags);
                }
            }
        }

        return result;
    }

    /// <summary>The tags read for <paramref name="arn"/>, or none.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> all, string arn) =>
        all.TryGetValue(arn, out var tags) ? tags : new Dictionary<string, string>(StringComparer.Ordinal);
}
