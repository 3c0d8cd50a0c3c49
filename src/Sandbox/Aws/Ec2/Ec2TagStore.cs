using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// CreateTags / DeleteTags / DescribeTags over every taggable resource of the simulation (VPCs, subnets, security
/// groups, Elastic IPs), resolved by id prefix as EC2 does. Every member takes <see cref="SimWorld.Gate"/>.
/// </summary>
internal sealed class Ec2TagStore(SimWorld world, VpcStore vpcs, SecurityGroupStore groups, AddressStore addresses)
{
    /// <summary>Sets the tags on every resource (all resources must exist; keys starting with aws: are reserved).</summary>
    public void Create(IReadOnlyList<string> resourceIds, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        if (tags.FirstOrDefault(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) is { Key: not null } reserved)
        {
            throw SimErrors.Invalid($"Tag keys starting with 'aws:' are reserved for internal use ({reserved.Key})");
        }

        lock (world.Gate)
        {
            foreach (var target in resourceIds.Select(TagsOfLocked).ToList())
            {
                foreach (var (key, value) in tags)
                {
                    target[key] = value;
                }
            }
        }
    }

    /// <summary>Removes tags: every tag when <paramref name="tags"/> is empty; a key with a value only when the value matches.</summary>
    public void Delete(IReadOnlyList<string> resourceIds, IReadOnlyList<(string Key, string? Value)> tags)
    {
        lock (world.Gate)
        {
            foreach (var target in resourceIds.Select(TagsOfLocked).ToList())
            {
                if (tags.Count == 0)
                {
                    target.Clear();
                    continue;
                }

                foreach (var (key, value) in tags)
                {
                    if (target.TryGetValue(key, out var current) && (value is null || value == current))
                    {
                        target.Remove(key);
                    }
                }
            }
        }
    }

    /// <summary>DescribeTags: every tag of every resource, by resource id then key, filtered.</summary>
    public IReadOnlyList<Ec2TagEntry> Describe(IReadOnlyList<Ec2Filter> filters)
    {
        lock (world.Gate)
        {
            var all = vpcs.AllTagsLocked().Concat(groups.AllTagsLocked()).Concat(addresses.AllTagsLocked())
                .OrderBy(t => t.ResourceId, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal);
            return [.. Ec2Filters.Apply(all, filters, _ => new Dictionary<string, string>(),
                new Dictionary<string, Func<Ec2TagEntry, IEnumerable<string?>>>
                {
                    ["resource-id"] = t => [t.ResourceId],
                    ["resource-type"] = t => [t.ResourceType],
                    ["key"] = t => [t.Key],
                    ["value"] = t => [t.Value],
                })];
        }
    }

    private Dictionary<string, string> TagsOfLocked(string resourceId) => resourceId.Split('-')[0] switch
    {
        "sg" => groups.TagsOfLocked(resourceId) ?? throw Ec2Errors.GroupMissing(resourceId),
        "eipalloc" => addresses.TagsOfLocked(resourceId) ?? throw Ec2Errors.AllocationMissing(resourceId),
        "subnet" => vpcs.TagsOfLocked(resourceId) ?? throw Ec2Errors.SubnetMissing(resourceId),
        "vpc" => vpcs.TagsOfLocked(resourceId) ?? throw Ec2Errors.VpcMissing(resourceId),
        _ => throw new AwsSimException(Ec2Errors.InvalidId, $"The ID '{resourceId}' is not valid"),
    };
}
