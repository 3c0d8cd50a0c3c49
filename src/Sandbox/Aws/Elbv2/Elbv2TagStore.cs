using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// AddTags / RemoveTags / DescribeTags over load balancers, target groups and listeners by ARN: no duplicate keys in
/// one call, at most 50 tags per resource, at most 20 ARNs per describe. Every member takes <see cref="SimWorld.Gate"/>.
/// </summary>
internal sealed class Elbv2TagStore(Elbv2Resources resources)
{
    public void Add(IReadOnlyList<string> arns, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (tags.GroupBy(t => t.Key).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new AwsSimException(E.DuplicateTagKeys, $"Tag key '{duplicate.Key}' is duplicated");
        }

        lock (resources.Gate)
        {
            var lists = arns.Select(resources.TagsLocked).ToList();
            if (lists.Any(l => l.CountAfterAdding(tags) > C.MaxTagsPerResource))
            {
                throw new AwsSimException(E.TooManyTags, "The quota for the number of tags that can be assigned to a load balancer has been reached");
            }

            foreach (var list in lists)
            {
                list.Add(tags);
            }
        }
    }

    public void Remove(IReadOnlyList<string> arns, IReadOnlyList<string> keys)
    {
        lock (resources.Gate)
        {
            foreach (var list in arns.Select(resources.TagsLocked).ToList())
            {
                list.Remove(keys);
            }
        }
    }

    public IReadOnlyList<(string Arn, IReadOnlyList<KeyValuePair<string, string>> Tags)> Describe(IReadOnlyList<string> arns)
    {
        if (arns.Count > 20)
        {
            throw Elbv2Errors.Validation("A maximum of 20 resource ARNs can be described at once");
        }

        lock (resources.Gate)
        {
            return [.. arns.Select(a => (a, (IReadOnlyList<KeyValuePair<string, string>>)[.. resources.TagsLocked(a).Items]))];
        }
    }
}
